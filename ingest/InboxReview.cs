using Analytics.Ingest.Lake;
using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;

namespace Analytics.Ingest;

/// <summary>A file the inbox holds that no pass takes as it is, and what to do about it (the data page and the log show these).</summary>
public sealed record UntakenFile(string File, string Kind, string Reason)
{
    /// <summary>What keeps it there, worded as a pass's error says it (the log tells each file's cause once, whoever found it).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string Cause { get; init; } = Reason;
}

/// <summary>
/// Looks at the whole inbox, as no single pass does (a scheduled pass reads only its dataset's folder),
/// and lists every file that stays there: in a folder that names no dataset, not in a folder at all,
/// a link, a hidden or temporary name, a file that failed and has not changed since, or one still
/// being written. Reads names, sizes and times only (and the failed-files cache), never contents.
/// </summary>
public static class InboxReview
{
    public const string UnknownFolder = "unknown-folder", NoFolder = "no-folder", Link = "link", IgnoredName = "ignored-name",
        FailedUnchanged = "failed-unchanged", NotSettled = "not-settled";

    public const string NoFolderReason = "not in a dataset folder (inbox/<dataset>/...)";
    public const string LinkReason = "symbolic link refused: deliver the file itself (links are never followed)";

    /// <summary>The reason a pass gives a file in <c>inbox/&lt;folder&gt;/</c> when no dataset has that name; the datasets' names are listed, a near one first.</summary>
    public static string UnknownFolderReason(string folder)
    {
        var near = Datasets.All.Select(d => d.Name).Where(n => Near(n, folder)).ToList();
        var hint = near.Count > 0 ? $"did you mean inbox/{near[0]}/? " : "";
        return $"unknown dataset folder '{folder}': {hint}move the file into one of inbox/{{{string.Join(",", Datasets.All.Select(d => d.Name))}}}/";
    }

    public static IReadOnlyList<UntakenFile> Untaken(DataPaths paths, TimeSpan settle)
    {
        var ignored = new List<string>();
        var files = InboxFile.Scan(paths, ignored: ignored);
        var failed = FailedFiles.Load(paths);
        var now = DateTime.UtcNow;
        var untaken = ignored.Select(name => new UntakenFile(ResidentIdText.Mask(name), IgnoredName,
            "the name marks a hidden or temporary file (starts with '.' or '~$', ends in .tmp or .part): never taken; rename it if it is a delivery")).ToList();
        foreach (var file in files)
        {
            if (file.LinkTarget is not null) untaken.Add(new(file.ShownPath, Link, LinkReason));
            else if (file.FolderName is null) untaken.Add(new(file.ShownPath, NoFolder, NoFolderReason));
            else if (file.Schema is null) untaken.Add(new(file.ShownPath, UnknownFolder, UnknownFolderReason(file.FolderName)));
            else if (failed.Unchanged(file.ShownPath, file.Stamp.Length, file.Stamp.LastWriteUtc) is { } failure)
                untaken.Add(new(file.ShownPath, FailedUnchanged,
                    $"failed and unchanged since: {failure.Error}; change the file or run `analytics ingest --retry-failed`") { Cause = failure.Error ?? "" });
            else if (now - file.Stamp.LastWriteUtc < settle)
                untaken.Add(new(file.ShownPath, NotSettled, $"not settled yet: written less than {settle.TotalSeconds:0.#} s ago, taken once it stops changing"));
        }
        return untaken.OrderBy(u => u.File, StringComparer.Ordinal).ToList();
    }

    /// <summary>One name is the other with a letter or two more, fewer or different (vacancy → vacancies, jobseeker → jobseekers).</summary>
    private static bool Near(string dataset, string folder)
    {
        var (a, b) = (dataset.ToLowerInvariant(), folder.ToLowerInvariant());
        var common = 0;
        while (common < Math.Min(a.Length, b.Length) && a[common] == b[common]) common++;
        return common >= Math.Max(a.Length, b.Length) - 3 && common >= 4;
    }
}
