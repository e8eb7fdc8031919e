using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Analytics.Bench;

/// <summary>
/// One SignalR client of /hubs/lake speaking the JSON hub protocol over a raw WebSocket
/// (Microsoft.AspNetCore.SignalR.Client cannot be restored here): negotiate, connect, handshake,
/// then read messages until the first <c>lakeChanged</c> invocation.
/// </summary>
public sealed class HubListener : IDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket;
    private readonly StringBuilder _pending = new();
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly byte[] _buffer = new byte[4096];
    private readonly char[] _chars = new char[4096];

    private HubListener(ClientWebSocket socket) => _socket = socket;

    public static async Task<HubListener> ConnectAsync(HttpClient signedIn, CookieContainer cookies, string hubPath, CancellationToken cancel)
    {
        var negotiate = await signedIn.PostAsync($"{hubPath}/negotiate?negotiateVersion=1", content: null, cancel);
        negotiate.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(cancel));
        var token = answer.RootElement.GetProperty("connectionToken").GetString();

        var baseAddress = signedIn.BaseAddress!;
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookies.GetCookieHeader(baseAddress));
        var listener = new HubListener(socket);
        try
        {
            await socket.ConnectAsync(new Uri($"ws://{baseAddress.Authority}{hubPath}?id={Uri.EscapeDataString(token!)}"), cancel);
            await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, cancel);
            var handshake = await listener.ReadRecordAsync(cancel);
            if (handshake != "{}") throw new InvalidOperationException($"SignalR handshake refused: {handshake}");
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>Reads until a <c>lakeChanged</c> invocation arrives; returns when it arrived and its payload.</summary>
    public async Task<(DateTimeOffset ReceivedAt, JsonElement Change)> WaitForAsync(string target, CancellationToken cancel)
    {
        while (true)
        {
            var record = await ReadRecordAsync(cancel);
            var receivedAt = DateTimeOffset.UtcNow;
            using var message = JsonDocument.Parse(record);
            var type = message.RootElement.GetProperty("type").GetInt32();
            if (type == 7) throw new InvalidOperationException($"hub closed the connection: {record}");
            // 6 is a ping; everything but the awaited invocation is skipped.
            if (type == 1 && message.RootElement.GetProperty("target").GetString() == target)
                return (receivedAt, message.RootElement.GetProperty("arguments")[0].Clone());
        }
    }

    /// <summary>One JSON record: messages may span frames and one frame may carry several records.</summary>
    private async Task<string> ReadRecordAsync(CancellationToken cancel)
    {
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return text[..end];
            }
            var read = await _socket.ReceiveAsync(_buffer, cancel);
            if (read.MessageType == WebSocketMessageType.Close) throw new WebSocketException("the hub closed the WebSocket");
            // A decoder, so that a character split across two frames is not mangled.
            _pending.Append(_chars, 0, _utf8.GetChars(_buffer, 0, read.Count, _chars, 0));
        }
    }

    public void Dispose() => _socket.Dispose();
}
