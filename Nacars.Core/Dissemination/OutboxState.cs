namespace Nacars.Core.Dissemination;

/// <summary>
/// Where a queued email stands. This is the one record of delivery: a <see cref="Dissemination"/> reads its state here.
/// Queued: waiting (or waiting to retry). Sending: leased by a dispatcher. Sent: the relay accepted it. Stuck: still not
/// accepted after <see cref="MailOptions.MaxAttempts"/> tries; supervisors are alerted and it keeps being retried at
/// the slowest interval. Failed: it cannot succeed by retrying (refused by the relay, a recipient outside the allowed
/// domains, or it cannot be decrypted); a person must act.
/// </summary>
public enum OutboxState { Queued, Sending, Sent, Stuck, Failed }
