#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_md_ctx_st;

namespace Chainscope {

// SHA-256 through OpenSSL's libcrypto, the implementation that already hashes the
// evidence files on import (import/inputfile.cpp says why: the CPU's SHA instructions
// and a widely audited implementation). The model needs it for the chain of custody
// inside the case (issue 11, finding 13): raw records are hashed as they are stored and
// again when the case is verified.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(QByteArrayView data);
    // The 32-byte digest; empty when libcrypto failed (only an allocation failure can).
    QByteArray result();

    // One-shot: the 32-byte digest of `data`, empty when libcrypto failed. Cheap enough
    // to call once per stored record (no allocation besides the result).
    static QByteArray hash(QByteArrayView data);

    // Frees what libcrypto keeps for the calling thread (made on its first use there).
    // For work on a pool thread that hashed, when it is done: the pool keeps its threads
    // alive, and state of a thread still alive at exit reads as a leak (the ASan suite
    // failed on it now and then). Hashing on the thread later makes it again.
    static void releaseThreadState();

private:
    evp_md_ctx_st *m_ctx = nullptr;
    bool m_ok = false;
};

} // namespace Chainscope
