using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Bench;

/// <summary>
/// One open page as the server sees it: a real Blazor Server circuit opened the way blazor.web.js opens
/// it, without a browser. GET the page with the sign-in cookie (the prerender), connect to /_blazor with
/// the "blazorpack" protocol, <c>StartCircuit(baseUri, uri, "[]", "")</c>, then
/// <c>UpdateRootComponents</c> with an "add" operation per prerendered server marker
/// (<c>&lt;!--Blazor:{...descriptor...}--&gt;</c>) and the page's persisted state. Every
/// <c>JS.RenderBatch</c> is acknowledged with <c>OnRenderCompleted</c> (the server stops sending after
/// 10 unacknowledged batches); JS interop calls are answered "done, no value". Batches are not applied
/// to a DOM: the server's cost of a page is all there, the browser's is not.
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    private static readonly byte[] UpdatedStamp = Encoding.UTF8.GetBytes("data-updated");
    private readonly HubConnection _hub;
    private readonly TaskCompletionSource _firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<(DateTimeOffset At, bool Stamp)> _nextRender = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int RenderBatches;
    public string? Error { get; private set; }
    public bool Closed { get; private set; }

    private BlazorCircuit(HubConnection hub) => _hub = hub;

    /// <summary>Opens a circuit for <paramref name="pageUri"/>; returns once the first render batch arrived.</summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient signedIn, CookieContainer cookies, Uri pageUri, CancellationToken cancel)
    {
        var html = await signedIn.GetStringAsync(pageUri, cancel);
        var markers = Marker().Matches(html).Select(m => m.Groups[1].Value)
            .Where(json => json.Contains("\"descriptor\"", StringComparison.Ordinal)).ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{pageUri} has no interactive server component (signed out?)");
        var state = PersistedState().Match(html) is { Success: true } found ? found.Groups[1].Value : "";

        var builder = new HubConnectionBuilder().WithUrl(new Uri(pageUri, "/_blazor"), o =>
        {
            o.Cookies = cookies;
            o.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPack>();
        var hub = builder.Build();
        // As start.js configures the browser: the server pings every second, a silent server is dead after 4 s.
        hub.ServerTimeout = TimeSpan.FromSeconds(30);
        var circuit = new BlazorCircuit(hub);
        circuit.Listen();
        try
        {
            await hub.StartAsync(cancel);
            var secret = await hub.InvokeAsync<string?>("StartCircuit", new Uri(pageUri, "/").ToString(), pageUri.ToString(), "[]", "", cancel);
            if (string.IsNullOrEmpty(secret)) throw new InvalidOperationException("StartCircuit refused: " + circuit.Error);
            // blazor.web.js's first batch of root-component operations: one "add" per server marker, in page order.
            var operations = markers.Select((json, i) => new { type = "add", ssrComponentId = i + 1, marker = JsonDocument.Parse(json).RootElement });
            await hub.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), state, cancel);
            await circuit._firstRender.Task.WaitAsync(TimeSpan.FromSeconds(60), cancel);
            if (circuit.Error is not null) throw new InvalidOperationException(circuit.Error);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>From now on, the next render batch is the one awaited by <see cref="NextRenderAsync"/>.</summary>
    public void Arm() => _nextRender = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the first batch after <see cref="Arm"/> arrived, and whether it carried a new "更新于" stamp.</summary>
    public Task<(DateTimeOffset At, bool Stamp)> NextRenderAsync() => _nextRender.Task;

    private void Listen()
    {
        _hub.On<long, byte[]>("JS.RenderBatch", async (batchId, batch) =>
        {
            var at = DateTimeOffset.UtcNow;
            Interlocked.Increment(ref RenderBatches);
            _nextRender.TrySetResult((at, batch.AsSpan().IndexOf(UpdatedStamp) >= 0));
            _firstRender.TrySetResult();
            try { await _hub.SendAsync("OnRenderCompleted", batchId, null); }
            catch (Exception e) when (e is not OutOfMemoryException) { Error ??= "ack: " + e.Message; }
        });
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType); handle 0 wants no answer.
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async args =>
        {
            var handle = (long)args[0]!;
            if (handle == 0) return;
            try { await _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,null]"); }
            catch (Exception e) when (e is not OutOfMemoryException) { Error ??= "interop: " + e.Message; }
        });
        _hub.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        _hub.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        _hub.On<string>("JS.Error", message =>
        {
            Error ??= "JS.Error: " + message;
            _firstRender.TrySetResult();
        });
        _hub.Closed += e =>
        {
            Closed = true;
            Error ??= "closed" + (e is null ? "" : ": " + e.Message);
            _firstRender.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->", RegexOptions.Singleline)]
    private static partial Regex PersistedState();

    /// <summary>The Blazor hub speaks only "blazorpack": SignalR's MessagePack protocol under another name.</summary>
    private sealed class BlazorPack : IHubProtocol
    {
        private readonly MessagePackHubProtocol _messagePack = new();
        public string Name => "blazorpack";
        public int Version => _messagePack.Version;
        public TransferFormat TransferFormat => TransferFormat.Binary;
        public bool IsVersionSupported(int version) => _messagePack.IsVersionSupported(version);
        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _messagePack.TryParseMessage(ref input, binder, out message);
        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _messagePack.WriteMessage(message, output);
        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _messagePack.GetMessageBytes(message);
    }
}
