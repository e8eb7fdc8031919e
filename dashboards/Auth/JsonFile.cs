using System.Text.Json;

namespace Analytics.Dashboards.Auth;

/// <summary>The small JSON files of the user store: read whole, written whole through a temp file, so a crash leaves the old or the new one.</summary>
internal static class JsonFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static T? Read<T>(string path) where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path)) : null;

    public static void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(value, Indented));
        File.Move(temp, path, overwrite: true);
    }
}
