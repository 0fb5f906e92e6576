using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Workbench.Features.Account;

namespace Nacars.Workbench.Realtime;

/// <summary>
/// Closes a hub connection when the staff session it was opened with ends (sign-out, an administrator, idleness, an
/// account change): a connection is authenticated once, when it opens, and would otherwise carry on receiving events
/// for the rest of the shift.
/// </summary>
public sealed class HubSessionWatch(DatabaseTicketStore sessions, IOptions<NacarsOptions> options, TimeProvider clock, ILogger<HubSessionWatch> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, (string? Session, HubCallerContext Context)> _connections = new();

    public void Opened(HubCallerContext context) =>
        _connections[context.ConnectionId] = (context.User?.FindFirst(StaffClaims.Session)?.Value, context);

    public void Closed(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.Security.SessionCheckSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var group in _connections.Values.GroupBy(c => c.Session))
                {
                    if (await sessions.IsOpenAsync(group.Key, stoppingToken)) continue;
                    foreach (var (_, context) in group) context.Abort();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Hub sessions could not be checked; trying again");
            }
        }
    }
}
