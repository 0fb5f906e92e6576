namespace Nacars.Core.Triage;

/// <summary>The figures above the queue: the open work, and what was decided today (UK day).</summary>
/// <param name="NewInformation">Contacts with information from the reporter no analyst has read (decided ones included).</param>
/// <param name="DecidedWithNewInformation">Of those, the decided ones: open work beyond New and In triage.</param>
public sealed record QueueCounts(int New, int InTriage, int UrgentOpen, int DecidedToday, int NewInformation = 0, int DecidedWithNewInformation = 0)
{
    /// <summary>Everything in the open work queue.</summary>
    public int Open => New + InTriage + DecidedWithNewInformation;
}
