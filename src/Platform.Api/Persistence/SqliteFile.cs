using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Api.Persistence;

/// <summary>Which file a path names: device and inode. Two paths (or one path at two moments) with equal identities name one file.</summary>
public sealed record FileIdentity(ulong Device, ulong Inode)
{
    /// <summary>Where the operating system gives no inode (not Linux): every existing file looks the same.</summary>
    public static readonly FileIdentity Unknown = new(0, 0);
}

/// <summary>What the database path holds right now, as far as writing to it goes.</summary>
public sealed record SqliteFileState(FileIdentity? Identity, string? Fault)
{
    public bool IsWritable => Fault is null;
}

/// <summary>
/// The SQLite database file under the API. Pooled connections keep the file they opened, even when the path
/// no longer names it (deleted, or replaced by a restore): a write on them would answer 201 into a file that
/// is gone at the next restart. So every write first checks that the path still names the adopted file.
/// </summary>
/// <remarks>
/// Checks go through <c>statx</c> and <c>access</c>, never by opening the file: closing any descriptor of a
/// file drops every POSIX lock the process holds on it, SQLite's included. <c>access</c> also refuses root
/// when the file is immutable or on a read-only mount, which permission bits do not.
/// </remarks>
public sealed class SqliteFile(string path)
{
    FileIdentity? _adopted;
    string? _fault;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Writes go to the file the path names now, from here on.</summary>
    public void Adopt(FileIdentity identity) => Volatile.Write(ref _adopted, identity);

    public FileIdentity? Adopted => Volatile.Read(ref _adopted);

    /// <summary>What the last check found wrong (null: nothing); writes are refused until a check finds nothing.</summary>
    public void Report(string? fault) => Volatile.Write(ref _fault, fault);

    /// <summary>Throws <see cref="DatabaseUnavailableException"/> unless the last check found nothing wrong and the path still names the adopted file.</summary>
    public void EnsureWritable()
    {
        if (Volatile.Read(ref _fault) is { } fault)
            throw new DatabaseUnavailableException(fault);
        EnsureAdopted();
    }

    /// <summary>Throws <see cref="DatabaseUnavailableException"/> unless the path still names the adopted file.</summary>
    public void EnsureAdopted()
    {
        var current = IdentityOf(Path);
        if (current is null)
            throw new DatabaseUnavailableException($"The database file {Path} is missing.");
        if (current != Adopted)
            throw new DatabaseUnavailableException($"The database file {Path} was replaced; it is checked before it is used.");
    }

    /// <summary>Whether the file, its directory and its -wal and -shm files (where present) can be written.</summary>
    public SqliteFileState Inspect()
    {
        var identity = IdentityOf(Path);
        if (identity is null)
            return new SqliteFileState(null, $"The database file {Path} is missing.");

        var directory = System.IO.Path.GetDirectoryName(Path)!;
        foreach (var part in new[] { Path, Path + "-wal", Path + "-shm", directory })
        {
            if ((part == directory || File.Exists(part)) && !IsWritable(part))
                return new SqliteFileState(identity, $"{part} is read-only.");
        }

        return new SqliteFileState(identity, null);
    }

    /// <summary>The identity of the regular file at <paramref name="path"/>; null when there is none.</summary>
    public static FileIdentity? IdentityOf(string path)
    {
        if (!OperatingSystem.IsLinux())
            return File.Exists(path) ? FileIdentity.Unknown : null;

        var status = new byte[StatxSize];
        if (statx(AtCurrentDirectory, NulTerminated(path), 0, StatxTypeAndInode, status) != 0)
            return null;
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(status.AsSpan(28));
        if ((mode & FileTypeMask) != RegularFile)
            return null;
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(status.AsSpan(32));
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(status.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(status.AsSpan(140));
        return new FileIdentity(device, inode);
    }

    static bool IsWritable(string path) => OperatingSystem.IsWindows()
        ? !File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
        : access(NulTerminated(path), WriteAccess) == 0;

    static byte[] NulTerminated(string path) => Encoding.UTF8.GetBytes(path + '\0');

    // struct statx (linux/stat.h) is the same on every architecture: stx_mode at 28, stx_ino at 32, stx_dev_major/minor at 136/140.
    const int StatxSize = 256;
    const int AtCurrentDirectory = -100;
    const uint StatxTypeAndInode = 0x1 | 0x100;
    const ushort FileTypeMask = 0xF000;
    const ushort RegularFile = 0x8000;
    const int WriteAccess = 2;

    [DllImport("libc", SetLastError = true)]
    static extern int statx(int directory, byte[] path, int flags, uint mask, byte[] status);

    [DllImport("libc", SetLastError = true)]
    static extern int access(byte[] path, int mode);
}
