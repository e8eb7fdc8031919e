using System.Globalization;
using Analytics.Dashboards.Ui;
using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Host;

/// <summary>
/// A page or an export whose mart query the gate refuses (<see cref="MartQueueFullException"/>: the
/// queue is full) is answered 503 with Retry-After and a short message in the reader's language,
/// here for every endpoint rather than in each page, instead of the 500 of an unhandled exception.
/// The JSON API answers its own 503 (<c>ApiEndpoints.Busy</c>); a response already started cannot change.
/// </summary>
public static class BusyRefusal
{
    public static IApplicationBuilder UseBusyRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try { await next(); }
        catch (Exception e) when (Refusal(e) is { } refusal && !context.Response.HasStarted)
        {
            var ui = context.RequestServices.GetRequiredService<UiContext>();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            var seconds = SetRetryAfter(context.Response, refusal);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(ui.T($"查询繁忙，请 {seconds} 秒后重试。\n", $"Too many queries are waiting; please try again in {seconds} s.\n"));
        }
    });

    /// <summary>Asks the client to come back after the gate's wait, in whole seconds (at least one); returns them.</summary>
    public static int SetRetryAfter(HttpResponse response, MartQueueFullException refusal)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>The refusal, also when a renderer or a task wrapped it.</summary>
    private static MartQueueFullException? Refusal(Exception? e) => e switch
    {
        null => null,
        MartQueueFullException refusal => refusal,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Refusal).FirstOrDefault(r => r is not null),
        _ => Refusal(e.InnerException),
    };
}
