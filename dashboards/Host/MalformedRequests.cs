namespace Analytics.Dashboards.Host;

/// <summary>
/// A path or query value holding a control character (NUL, CR, LF, …) is never a real link into this
/// app: it is answered 400 here, before it reaches a file path or a header where it would be a 500.
/// </summary>
public static class MalformedRequests
{
    public const string Message = "请求含有控制字符，无法处理。\nThe request contains control characters and cannot be served.\n";

    public static IApplicationBuilder UseMalformedRequestRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HasControlCharacter(request.Path.Value) || request.Query.Any(q => HasControlCharacter(q.Key) || q.Value.Any(HasControlCharacter)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Message);
            return;
        }
        await next();
    });

    private static bool HasControlCharacter(string? value) => value is not null && value.Any(char.IsControl);
}
