using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// Sign-in posts per client address: a token bucket of <c>SignIn:Burst</c> (10) attempts, refilled
/// by <c>SignIn:PerMinute</c> (5) a minute. A person mistyping never meets it; someone trying many
/// names or passwords from one address is slowed to a few a minute and told with 429 and Retry-After.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const int DefaultBurst = 10;
    public const int DefaultPerMinute = 5;

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var burst = configuration.GetValue("SignIn:Burst", DefaultBurst);
        var perMinute = configuration.GetValue("SignIn:PerMinute", DefaultPerMinute);
        if (burst < 1 || perMinute < 1) throw new InvalidOperationException("SignIn:Burst and SignIn:PerMinute must be at least 1.");
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RefuseAsync;
        });
    }

    private static async ValueTask RefuseAsync(OnRejectedContext context, CancellationToken cancellation)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync($"登录尝试过于频繁，请 {seconds} 秒后再试。\nToo many sign-in attempts from this address; try again in {seconds} seconds.\n", cancellation);
    }
}
