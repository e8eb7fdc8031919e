namespace Analytics.Ingest;

/// <summary>
/// Proof that a path built from a name (an inbox file, a manifest entry, a partition) stays inside
/// the folder it belongs to. Every path ingest writes or moves is built here, so no name can climb out.
/// </summary>
public static class PathGuard
{
    /// <summary><paramref name="root"/>/<paramref name="relative"/> as a full path; throws when it would lie outside <paramref name="root"/>.</summary>
    public static string Inside(string root, string relative)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        if (!full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new IOException($"'{relative}' leads outside {fullRoot}; refused");
        return full;
    }

    /// <summary>Whether <paramref name="path"/> or a folder between it and <paramref name="root"/> is a symbolic link (so it may lead elsewhere).</summary>
    public static bool ThroughLink(string root, string path)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        for (var current = Path.GetFullPath(path); current.Length > fullRoot.Length; current = Path.GetDirectoryName(current)!)
        {
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.LinkTarget is not null) return true;
        }
        return false;
    }
}
