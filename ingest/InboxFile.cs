using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;

namespace Analytics.Ingest;

/// <summary>A file found in inbox/&lt;dataset&gt;/: its path below inbox/ ('/'-separated) and the dataset its folder names.</summary>
public sealed record InboxFile(string RelativePath, string FullPath, DatasetSchema? Schema, string? FolderName)
{
    /// <summary>
    /// The path as results, manifests, rejects, logs and pages show it: a resident id in a file's name
    /// (a file named after a person) masked. <see cref="RelativePath"/> is only used to read and move the file.
    /// </summary>
    public string ShownPath { get; } = ResidentIdText.Mask(RelativePath);

    /// <summary>Every file of the inbox in ordinal order of its path, so a later name wins within a dataset.</summary>
    public static List<InboxFile> Scan(DataPaths paths, IReadOnlyCollection<string>? datasets = null)
    {
        if (!Directory.Exists(paths.Inbox)) return [];
        return Directory.EnumerateFiles(paths.Inbox, "*", SearchOption.AllDirectories)
            .Select(full => (full, relative: Path.GetRelativePath(paths.Inbox, full).Replace('\\', '/')))
            .Where(f => !IsIncomplete(Path.GetFileName(f.full)))
            .Select(f =>
            {
                var slash = f.relative.IndexOf('/');
                var folder = slash < 0 ? null : f.relative[..slash];
                return new InboxFile(f.relative, f.full, folder is null ? null : Datasets.Find(folder), folder);
            })
            .Where(f => datasets is null || (f.FolderName is not null && datasets.Contains(f.FolderName)))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Hidden files, Office lock files and files still being copied are not deliveries.</summary>
    private static bool IsIncomplete(string name) =>
        name.StartsWith('.') || name.StartsWith("~$") || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);
}
