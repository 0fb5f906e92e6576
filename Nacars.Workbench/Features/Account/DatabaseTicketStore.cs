using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nacars.Core;
using Nacars.Core.Data;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Account;

/// <summary>
/// Staff sessions kept in the database (<see cref="StaffSession"/>): the cookie holds only a random key. A session ends
/// at sign-out, when it has been idle too long, when the account is disabled or its security stamp changes (a new
/// password, roles or authenticator) and when an administrator signs the person out everywhere; from then on the key,
/// and so any copy of the cookie, opens nothing, on every instance, from the very next request.
/// </summary>
public sealed class DatabaseTicketStore(IDbContextFactory<NacarsDbContext> dbFactory, IOptions<NacarsOptions> options,
    IOptions<IdentityOptions> identity, TimeProvider clock, ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;
    /// <summary>Last-seen times are written at most this often per session: idleness is measured in minutes.</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromSeconds(30);

    private TimeSpan IdleTimeout => TimeSpan.FromMinutes(options.Value.Security.IdleTimeoutMinutes);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var id = IdOf(key);
        // The session's id travels with the person's claims, so open pages and hub connections know which session
        // they belong to and end with it.
        if (ticket.Principal.Identity is ClaimsIdentity claims && !claims.HasClaim(c => c.Type == StaffClaims.Session))
            claims.AddClaim(new Claim(StaffClaims.Session, id));
        var userId = ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A staff session needs the user's id.");
        await using var db = await dbFactory.CreateDbContextAsync();
        db.StaffSessions.Add(new StaffSession(id, userId, Serialise(ticket), Now));
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.StaffSessions.SingleOrDefaultAsync(s => s.Id == IdOf(key));
        if (session is not { IsOpen: true }) return;
        session.Renew(Serialise(ticket), Now);
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var id = IdOf(key);
        await using var db = await dbFactory.CreateDbContextAsync();
        var found = await db.StaffSessions.Where(s => s.Id == id && s.EndedAtUtc == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, u.Disabled, u.SecurityStamp })
            .SingleOrDefaultAsync();
        if (found is null || found.Session.Ticket is null) return null;
        var session = found.Session;
        var now = Now;
        var ticket = Serializer.Deserialize(Convert.FromBase64String(session.Ticket));
        var stamp = ticket?.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var ended = ticket is null ? "unreadable"
            : found.Disabled ? "account disabled"
            : stamp is not null && stamp != found.SecurityStamp ? "account changed"
            : session.IdleAt(now, IdleTimeout) ? "idle"
            : null;
        if (ended is not null)
        {
            session.End(now, ended);
            await db.SaveChangesAsync();
            logger.LogInformation("A staff session ended: {Reason}", ended);
            return null;
        }
        if (now - session.LastSeenAtUtc >= SeenResolution)
        {
            session.Seen(now);
            await db.SaveChangesAsync();
        }
        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.StaffSessions.SingleOrDefaultAsync(s => s.Id == IdOf(key));
        if (session is null) return;
        session.End(Now, "signed out");
        await db.SaveChangesAsync();
    }

    /// <summary>Whether the session an open page or hub connection belongs to is still open and, unless
    /// <paramref name="idleCounts"/> is false, in use.</summary>
    public async Task<bool> IsOpenAsync(string? sessionId, CancellationToken ct = default, bool idleCounts = true)
    {
        if (sessionId is null) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.StaffSessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.EndedAtUtc, s.LastSeenAtUtc }).SingleOrDefaultAsync(ct);
        return session is { EndedAtUtc: null } && (!idleCounts || Now - session.LastSeenAtUtc <= IdleTimeout);
    }

    private static string Serialise(AuthenticationTicket ticket) => Convert.ToBase64String(Serializer.Serialize(ticket));
}
