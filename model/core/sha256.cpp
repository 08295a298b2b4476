#include "sha256.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>

namespace Chainscope {

namespace {

constexpr int DigestSize = 32;

struct ContextDeleter
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};

// Fetched once: EVP_sha256() looks the algorithm up again on every init, which costs
// more than hashing a short audit record.
const EVP_MD *algorithm()
{
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

bool init(EVP_MD_CTX *ctx)
{
    return ctx && algorithm() && EVP_DigestInit_ex2(ctx, algorithm(), nullptr) == 1;
}

QByteArray finish(EVP_MD_CTX *ctx)
{
    QByteArray digest(DigestSize, Qt::Uninitialized);
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(ctx, reinterpret_cast<unsigned char *>(digest.data()), &n) != 1 || n != DigestSize)
        return {};
    return digest;
}

} // namespace

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    m_ok = init(m_ctx);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

void Sha256::add(QByteArrayView data)
{
    if (m_ok && !data.isEmpty())
        m_ok = EVP_DigestUpdate(m_ctx, data.data(), size_t(data.size())) == 1;
}

QByteArray Sha256::result()
{
    if (!m_ok)
        return {};
    m_ok = false; // a context is finished once
    return finish(m_ctx);
}

QByteArray Sha256::hash(QByteArrayView data)
{
    // One context per thread, reused: the importer hashes on its decode threads and
    // on the writer, millions of times per file.
    thread_local const std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
    EVP_MD_CTX *ctx = context.get();
    if (!init(ctx))
        return {};
    if (!data.isEmpty() && EVP_DigestUpdate(ctx, data.data(), size_t(data.size())) != 1)
        return {};
    return finish(ctx);
}

void Sha256::releaseThreadState()
{
    OPENSSL_thread_stop();
}

} // namespace Chainscope
