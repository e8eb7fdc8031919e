namespace Analytics.Ingest.Reading;

/// <summary>The unread bytes of a stream, <c>buffer[start..end]</c>, as the line-based readers (CSV, JSON Lines) hold them.</summary>
internal static class ReadWindow
{
    /// <summary>
    /// Reads more after what the buffer holds: moves the unread bytes to the front, grows the buffer
    /// when they fill it, and reads once. Returns false at the end of the stream.
    /// </summary>
    public static bool Refill(Stream stream, ref byte[] buffer, ref int start, ref int end)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        var read = stream.Read(buffer, end, buffer.Length - end);
        end += read;
        return read > 0;
    }
}
