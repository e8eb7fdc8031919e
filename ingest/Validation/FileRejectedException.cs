namespace Analytics.Ingest.Validation;

/// <summary>A whole-file failure: nothing of the file is loaded, it stays in the inbox.</summary>
public sealed class FileRejectedException(string message) : Exception(message);
