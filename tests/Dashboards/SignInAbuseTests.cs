using System.Net;
using Analytics.Dashboards.Auth;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// Someone guessing passwords over HTTP: they are slowed per client address, they cannot lock the
/// real user out from elsewhere, and over-long fields are refused before anything is kept.
/// </summary>
public class SignInAbuseTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Wrong_passwords_from_one_client_lock_that_client_but_not_the_real_user_elsewhere()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        using var attacker = server.AnonymousClient(Attacker);
        for (var i = 0; i < 5; i++)
            (await AppServer.PostSignInAsync(attacker, "admin", "guess" + i)).Headers.Location!.ToString().ShouldContain("error=invalid");
        // Even the right password no longer helps from the attacker's address …
        (await AppServer.PostSignInAsync(attacker, "admin", "admin-demo")).Headers.Location!.ToString().ShouldContain("error=locked");
        // … but the admin at their own desk signs in.
        using var admin = await server.SignedInClientAsync("admin");
        (await admin.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_spray_of_user_names_from_one_client_is_slowed_with_429_while_other_clients_sign_in()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path, signInRateLimit: true);
        using var attacker = server.AnonymousClient(Attacker);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 30; i++)
        {
            var response = await AppServer.PostSignInAsync(attacker, $"user{i}", "Password1!");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }
        statuses.Take(SignInRateLimit.DefaultBurst).ShouldAllBe(s => s == HttpStatusCode.Redirect);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(15);
        refused!.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        var message = await refused.Content.ReadAsStringAsync();
        message.ShouldContain("登录尝试过于频繁");
        message.ShouldContain("Too many sign-in attempts");

        using var stat = await server.SignedInClientAsync("stat");
        (await stat.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(SignInForm.MaxUserNameLength + 1, 8)]
    [InlineData(8, SignInForm.MaxPasswordLength + 1)]
    public async Task Over_long_user_names_and_passwords_are_refused_with_400(int userNameLength, int passwordLength)
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        using var client = server.AnonymousClient();
        var response = await AppServer.PostSignInAsync(client, new string('n', userNameLength), new string('p', passwordLength));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("too long");
        server.Get<SignInThrottle>().Count.ShouldBe(0);
        // The longest allowed is an ordinary wrong sign-in.
        (await AppServer.PostSignInAsync(client, new string('n', SignInForm.MaxUserNameLength), new string('p', SignInForm.MaxPasswordLength)))
            .Headers.Location!.ToString().ShouldContain("error=invalid");
    }

    [Fact]
    public void The_throttle_keeps_at_most_its_capacity_and_locks_per_client_address()
    {
        var throttle = new SignInThrottle(TimeProvider.System, capacity: 100);
        for (var i = 0; i < 1_000; i++) throttle.Failed("10.0.0.1", $"user{i}");
        throttle.Count.ShouldBe(100);
        for (var i = 0; i < 5; i++) throttle.Failed("10.0.0.1", "admin");
        throttle.IsLocked("10.0.0.1", "ADMIN").ShouldBeTrue();
        throttle.IsLocked("10.0.0.2", "admin").ShouldBeFalse();
        throttle.Count.ShouldBe(100);
    }
}

[Collection(SerialCollection.Name)]
public class SignInMemoryTests
{
    [Fact]
    public async Task Two_hundred_sign_ins_with_megabyte_user_names_are_refused_and_leave_the_heap_as_it_was()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        using var client = server.AnonymousClient();
        // The server refuses before reading the body; with 100-continue the client hears it before sending a megabyte into a closed connection.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var token = await AppServer.AntiforgeryTokenAsync(client, "/login");
        // One form body, built once (encoding a megabyte per request would fill the test's own array pools):
        // only the first three characters of the user name change, so every post names another user.
        var body = System.Text.Encoding.ASCII.GetBytes(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&password=x&userName=000{new string('n', 1_000_000)}");
        var nameAt = body.Length - 1_000_003;
        var statuses = new HashSet<HttpStatusCode>();
        async Task Post(int i)
        {
            System.Text.Encoding.ASCII.GetBytes($"{i:D3}", body.AsSpan(nameAt));
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            using var response = await client.PostAsync("/account/login", content);
            statuses.Add(response.StatusCode);
        }
        await Post(999);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 200; i++) await Post(i);
        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;

        statuses.ShouldBeSubsetOf([HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge]);
        grown.ShouldBeLessThan(16L << 20, $"the heap grew by {grown >> 10:N0} KB");
        server.Get<SignInThrottle>().Count.ShouldBe(0);
    }
}
