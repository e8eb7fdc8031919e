namespace Analytics.Ingest;

/// <summary>Where everything lives under the data directory (product.md "Data on disk").</summary>
public sealed class DataPaths(string dataDirectory)
{
    public string Root { get; } = Path.GetFullPath(dataDirectory);
    public string Inbox => Path.Combine(Root, "inbox");
    public string Lake => Path.Combine(Root, "lake");
    /// <summary>Committed batch manifests: the lake's own commit log, readable without the catalog.</summary>
    public string Manifests => Path.Combine(Lake, "_manifest");
    public string Staging => Path.Combine(Root, "staging");
    public string Rejects => Path.Combine(Root, "rejects");
    public string Archive => Path.Combine(Root, "archive");
    public string Catalog => Path.Combine(Root, "warehouse.duckdb");
    public string KeyFile => Path.Combine(Root, "secrets", "id-hash.key");
    public string LockFile => Path.Combine(Root, "staging", ".ingest.lock");
    /// <summary>Inbox files that failed, by size, time and hash, so unchanged ones are not read again (<see cref="Lake.FailedFiles"/>).</summary>
    public string FailedFiles => Path.Combine(Root, "staging", "failed-files.json");

    public string StagingFor(long batch) => Path.Combine(Staging, batch.ToString());

    // Paths built from names (inbox files, manifest entries, lake paths) are proven to stay inside their folder.
    public string StagedLakeFile(long batch, string lakePath) => PathGuard.Inside(Path.Combine(StagingFor(batch), "lake"), lakePath);
    public string LakeFile(string lakePath) => PathGuard.Inside(Lake, lakePath);
    public string RejectsFor(long batch, string file) => PathGuard.Inside(Rejects, Path.Combine(batch.ToString(), file + ".rejects.csv"));
    public string ArchiveFor(long batch, string file) => PathGuard.Inside(Archive, Path.Combine(batch.ToString(), file));
    public string InboxFile(string file) => PathGuard.Inside(Inbox, file);

    /// <summary>
    /// A path below the data directory, '/'-separated, as reports and JSON show it. Only the
    /// platform's separator becomes '/': on Linux a backslash is part of a name and stays one.
    /// </summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
}
