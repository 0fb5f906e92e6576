using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Nacars.Core;

namespace Nacars.Workbench.Features.Intake;

/// <summary>
/// Limits on the follow-up page that tell a guesser from a reporter. Wrong references or codes are limited per
/// connection (a guess); what a reporter adds under their valid code is limited per report, generously, so that people
/// who share a connection (a hostel, a workplace, a mobile network's shared address) can all come back as often as they
/// need. Held in memory only: neither the connection's address nor the reference is written anywhere.
/// </summary>
public sealed class FollowUpThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _wrongCodes;
    private readonly PartitionedRateLimiter<string> _additions;

    public FollowUpThrottle(IOptions<NacarsOptions> options)
    {
        var intake = options.Value.Intake;
        var window = TimeSpan.FromSeconds(intake.RateLimitWindowSeconds);
        _wrongCodes = Limiter(intake.FollowUpAttemptsPerWindow, window);
        _additions = Limiter(intake.FollowUpsPerReportPerWindow, window);
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0,
        }));

    /// <summary>False once this connection has given too many wrong references or codes: nothing is looked up.</summary>
    public bool MayTry(HttpContext http) => Available(_wrongCodes, Client(http));

    public void WrongCode(HttpContext http) => _wrongCodes.AttemptAcquire(Client(http)).Dispose();

    /// <summary>False once this report has had many additions in the window (asked only after its code matched).</summary>
    public bool MayAdd(string reference) => Available(_additions, reference);

    public void Added(string reference) => _additions.AttemptAcquire(reference).Dispose();

    // Asking for no permits tells whether any are left, without spending one.
    private static bool Available(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key, 0);
        return lease.IsAcquired;
    }

    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    public void Dispose()
    {
        _wrongCodes.Dispose();
        _additions.Dispose();
    }
}
