using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;

namespace Analytics.Ingest;

/// <summary>A file's size and last-write time as a pass saw them: while either moves, the file is still being written.</summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    public static FileStamp Of(FileInfo file) => new(file.Length, file.LastWriteTimeUtc);
    public static FileStamp Of(string path) => Of(new FileInfo(path));
}

/// <summary>
/// A file found in inbox/&lt;dataset&gt;/: its path below inbox/ ('/'-separated), the dataset its folder
/// names, and its stamp when scanned. <see cref="LinkTarget"/> is set for a symbolic link (file or
/// folder), which is refused, never read, followed or moved.
/// </summary>
public sealed record InboxFile(string RelativePath, string FullPath, DatasetSchema? Schema, string? FolderName)
{
    public FileStamp Stamp { get; init; }
    public string? LinkTarget { get; init; }
    /// <summary>
    /// The path as results, manifests, rejects, logs and pages show it: a resident id in a file's name
    /// (a file named after a person) masked. <see cref="RelativePath"/> is only used to read and move the file.
    /// </summary>
    public string ShownPath { get; } = ResidentIdText.Mask(RelativePath);

    /// <summary>Every file of the inbox in ordinal order of its path, so a later name wins within a dataset.</summary>
    /// <param name="ignored">when given, receives the paths (below inbox/) of the entries passed over as hidden or temporary</param>
    public static List<InboxFile> Scan(DataPaths paths, IReadOnlyCollection<string>? datasets = null, List<string>? ignored = null)
    {
        if (!Directory.Exists(paths.Inbox)) return [];
        var found = new List<InboxFile>();
        Walk(new DirectoryInfo(paths.Inbox), "", found, ignored);
        return found
            .Where(f => datasets is null || (f.FolderName is not null && datasets.Contains(f.FolderName)))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Names are taken as they are (a backslash in a Linux name is a character, not a separator), and
    /// a link is reported instead of entered, so every path found is a real file inside the inbox.
    /// </summary>
    private static void Walk(DirectoryInfo directory, string prefix, List<InboxFile> found, List<string>? ignored)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            var relative = prefix + entry.Name;
            if (IsIncomplete(entry))
            {
                ignored?.Add(entry is DirectoryInfo ? relative + "/" : relative);
                continue;
            }
            if (entry.LinkTarget is { } target) found.Add(Create(relative, entry) with { LinkTarget = target });
            else if (entry is DirectoryInfo folder) Walk(folder, relative + "/", found, ignored);
            else found.Add(Create(relative, entry) with { Stamp = FileStamp.Of((FileInfo)entry) });
        }
    }

    /// <summary>The dataset is named by the first folder below inbox/ (or by the entry itself when it is a linked dataset folder).</summary>
    private static InboxFile Create(string relative, FileSystemInfo entry)
    {
        var slash = relative.IndexOf('/');
        var folder = slash >= 0 ? relative[..slash] : entry is DirectoryInfo ? relative : null;
        return new InboxFile(relative, entry.FullName, folder is null ? null : Datasets.Find(folder), folder);
    }

    /// <summary>Hidden files and folders, Office lock files and files still being copied are not deliveries.</summary>
    private static bool IsIncomplete(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden) || entry.Name.StartsWith("~$")
        || entry.Name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || entry.Name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);
}
