using System.Data.Common;
using Analytics.Ingest;
using Analytics.Dashboards.Data;
using Analytics.Dashboards.Ui;
using Analytics.Warehouse.Marts;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Components.Shared;

/// <summary>
/// A page that shows figures of the lake and keeps them current. It loads from its URL's filters
/// (<c>[SupplyParameterFromQuery]</c>), so a filter change is a navigation (<see cref="Apply"/>): no reload,
/// and Back, Forward and a bookmark restore exactly what was shown. In its circuit it listens to the
/// <see cref="MartCache"/>'s <see cref="MartCache.Changed"/> (which follows <see cref="LakeEvents"/>): a committed
/// batch that touched one of its <see cref="Datasets"/> (the schedule, the data page's button, or a CLI ingest
/// noticed by the manifest watcher) re-runs its queries and re-renders in place, with the time of the update.
/// Its queries are the open page's: the cache recomputes them right after a commit, ahead of the other users'
/// (so the page's re-run mostly awaits answers already on their way); otherwise they wait at the
/// <see cref="MartGate"/> without holding a thread, as this user's.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    [Inject] protected UiContext Ui { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected MartCache Cache { get; set; } = default!;
    [Inject] protected MartGate Gate { get; set; } = default!;

    private bool _listening;

    /// <summary>When the figures were last read, and by what: "render" or the batch id of a live update.</summary>
    protected DateTime UpdatedAt { get; private set; } = DateTime.Now;
    protected string UpdatedBy { get; private set; } = "render";
    protected int LiveUpdates { get; private set; }

    /// <summary>A message for the reader in place of the figures (bad filters, no data yet, busy).</summary>
    protected string? Error { get; set; }

    /// <summary>The datasets whose commits change what this page shows.</summary>
    protected abstract IReadOnlyCollection<string> Datasets { get; }

    /// <summary>
    /// Reads the page's figures for its current filters. A page keeps what it shows until the new figures
    /// are there (no blank flash while a query runs); <see cref="OnLoadFailed"/> drops them when the read fails.
    /// </summary>
    protected abstract Task LoadAsync();

    /// <summary>
    /// Puts the filters of the URL (and the defaults they resolved to) into the page's form, except while a live update
    /// reloads the figures: then the form keeps what the reader may be in the middle of choosing, which would otherwise be
    /// reset under their hands by a batch committed elsewhere. The figures always follow the URL, never the form.
    /// </summary>
    protected void ShowFilters(Action show)
    {
        if (!_liveUpdate) show();
    }

    private bool _liveUpdate;

    /// <summary>The read failed (its message is in <see cref="Error"/>): drop figures of other filters.</summary>
    protected virtual void OnLoadFailed() { }

    protected override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive) return;   // the prerender answers once; the circuit listens
        Cache.Changed += OnLakeChanged;
        _listening = true;
    }

    protected override Task OnParametersSetAsync() => ReloadAsync("render");

    private async Task ReloadAsync(string by)
    {
        Error = null;
        try { await LoadAsync(); }
        catch (MartValidationException e) { Error = Ui.T("筛选条件无效：", "Invalid filter: ") + e.Message; }
        catch (DbException) { Error = Ui.T("还没有数据：请先导入。", "No data yet: run an ingest first."); }
        catch (MartQueueFullException e) when (RendererInfo.IsInteractive)
        {
            // A plain request answers 503 (BusyRefusal); an open page says so and tries again at the next change.
            var seconds = Math.Max(1, (int)Math.Ceiling(e.RetryAfter.TotalSeconds));
            Error = Ui.T($"查询繁忙，请 {seconds} 秒后重试。", $"Too many queries are waiting; please try again in {seconds} s.");
        }
        if (Error is not null) OnLoadFailed();
        UpdatedAt = DateTime.Now;
        UpdatedBy = by;
    }

    private void OnLakeChanged(object? sender, LakeChangedEventArgs change)
    {
        if (!change.Datasets.Any(Datasets.Contains)) return;
        _ = InvokeAsync(async () =>
        {
            _liveUpdate = true;
            try { await ReloadAsync(change.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
            finally { _liveUpdate = false; }
            LiveUpdates++;
            StateHasChanged();
        });
    }

    /// <summary>
    /// A query answered from the cache, else run at the gate as this user's (awaited, no thread held).
    /// An open page's query is recomputed first after a commit (it asks again at once).
    /// </summary>
    protected Task<T> Query<T>(string key, Func<T> query) =>
        Cache.GetAsync(key, () => Gate.RunAsync("user:" + Ui.User.Identity?.Name, query), warm => Gate.RunAheadAsync(query, warm), live: _listening);

    /// <summary>Shows other filters: the URL changes (a history entry), the page's parameters follow, it reloads its figures.</summary>
    protected void Apply(IReadOnlyDictionary<string, object?> filters) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filters.ToDictionary(f => f.Key, f => f.Value is string s && s.Length == 0 ? null : f.Value)));

    public void Dispose()
    {
        if (_listening) Cache.Changed -= OnLakeChanged;
        GC.SuppressFinalize(this);
    }
}
