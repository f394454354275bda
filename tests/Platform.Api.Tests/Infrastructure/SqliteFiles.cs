using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>What an operator (or an accident) does to a SQLite database file under a running API.</summary>
public static class SqliteFiles
{
    static readonly string[] Companions = ["-wal", "-shm"];

    static string Unpooled(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    /// <summary>An online backup through SQLite's backup API, as <c>sqlite3 platform.db ".backup x"</c> makes one.</summary>
    public static void Backup(string file, string backup)
    {
        using var source = new SqliteConnection(Unpooled(file));
        using var target = new SqliteConnection(Unpooled(backup));
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>Removes the database with its -wal and -shm files.</summary>
    public static void Delete(string file)
    {
        foreach (var path in Companions.Select(c => file + c).Prepend(file))
            File.Delete(path);
    }

    /// <summary>Puts <paramref name="replacement"/> in the database's place the way the README says: stale -wal/-shm removed, then renamed over it.</summary>
    public static void Replace(string file, string replacement)
    {
        var staged = file + ".restoring";
        File.Copy(replacement, staged, overwrite: true);
        foreach (var companion in Companions)
            File.Delete(file + companion);
        File.Move(staged, file, overwrite: true);
    }

    public static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection(Unpooled(file));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Makes a file unwritable for this process: by its mode bits, or, since those do not stop root, with
    /// <c>chattr +i</c> (immutable: refused even to root). Null when neither is possible here.
    /// </summary>
    public static async Task<IAsyncDisposable?> MakeReadOnlyAsync(string path)
    {
        if (OperatingSystem.IsWindows())
            return null;
        if (!Environment.IsPrivilegedProcess)
        {
            var mode = File.GetUnixFileMode(path);
            File.SetUnixFileMode(path, UnixFileMode.UserRead);
            return new Undo(() =>
            {
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(path, mode);
                return Task.CompletedTask;
            });
        }

        if (!await ChattrAsync("+i", path))
            return null;
        return new Undo(() => ChattrAsync("-i", path));
    }

    static async Task<bool> ChattrAsync(string flag, string path)
    {
        try
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, UseShellExecute = false })!;
            await chattr.WaitForExitAsync();
            return chattr.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
