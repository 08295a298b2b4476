#pragma once

#include <QByteArrayView>
#include <QLatin1StringView>

namespace Chainscope::Audit {

// Architectures whose syscall numbers we can name. Audit logs identify them by the
// AUDIT_ARCH_* constant in `arch=` (hex), which folds in the ELF machine, 64-bit
// and little-endian flags.
enum class Arch : quint8 { Unknown, X86_64, I386, AArch64 };

Arch archFromAudit(QByteArrayView hex); // "c000003e" -> X86_64
Arch archFromName(QByteArrayView name); // enriched ARCH=x86_64
QLatin1StringView archName(Arch arch); // empty for Unknown

// What the reader does with a syscall. Several syscalls share a kind when they mean
// the same to the correlation (open with write flags and creat both write a file).
enum class SyscallKind : quint8 {
    Other,
    Execve, // execve, execveat
    Fork, // fork, vfork: always a new process
    Clone, // clone: a thread when CLONE_THREAD is in a0
    Clone3, // clone3: flags sit in a struct we cannot see
    Exit, // exit, exit_group
    Open, // open: flags in a1
    OpenAt, // openat: flags in a2
    OpenAt2, // openat2: flags in a struct we cannot see
    Creat, // creat: always creates or truncates
    Rename, // rename, renameat, renameat2
    Link, // link, linkat
    Symlink, // symlink, symlinkat
    Unlink, // unlink, unlinkat, rmdir
    Chmod, // chmod, fchmod, fchmodat, fchmodat2
    Chown, // chown, fchown, lchown, fchownat (and the i386 *32 variants)
    SetXattr, // setxattr, lsetxattr, fsetxattr, setxattrat
    RemoveXattr, // removexattr, lremovexattr, fremovexattr, removexattrat
    Truncate, // truncate, ftruncate (and the i386 *64 variants)
    Connect,
    Send, // sendto, sendmsg, sendmmsg: a connect when they carry an address
    SocketCall, // i386 multiplexer: the real call is in a0
    ModuleLoad, // init_module, finit_module
};

struct SyscallInfo
{
    const char *name = nullptr; // nullptr when the number is not in our tables
    SyscallKind kind = SyscallKind::Other;
    // Bit i set: argument a<i> is a directory fd that relative names are relative
    // to (the *at syscalls). Only when it is AT_FDCWD may we resolve against CWD.
    quint8 dirfdArgs = 0;
};

SyscallInfo syscallInfo(Arch arch, qint64 number);
// For logs whose arch we cannot map but whose enrichment names the syscall.
SyscallInfo syscallInfoByName(QByteArrayView name);

// socketcall(2) call numbers (linux/net.h) that matter to us.
constexpr qint64 SysConnect = 3;
constexpr qint64 SysSendTo = 11;
constexpr qint64 SysSendMsg = 16;

} // namespace Chainscope::Audit
