namespace Nacars.Core.Contacts;

/// <summary>The record of the phone call to the force's fast-time contact for an urgent contact.</summary>
public sealed record FastTimeCall(DateTime CalledAtUtc, string NumberCalled, string PersonSpokenTo, string Outcome, string LoggedBy)
{
    /// <summary>The call is often logged after it was made, so its time is the analyst's, within what can be true: not
    /// after now and not before the contact arrived (a minute's grace either way: the form's clock is read when the
    /// analyst types, the server's when they press the button).</summary>
    public FastTimeCall Checked(DateTime contactReceivedAtUtc, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(PersonSpokenTo) || string.IsNullOrWhiteSpace(Outcome))
            throw new DomainRuleException("Record who you spoke to and the outcome of the call.");
        if (CalledAtUtc > nowUtc.AddMinutes(1))
            throw new DomainRuleException($"The call cannot have been made later than now ({UkTime.Format(nowUtc)} UK).");
        if (CalledAtUtc < contactReceivedAtUtc.AddMinutes(-1))
            throw new DomainRuleException($"The call cannot have been made before the contact arrived ({UkTime.Format(contactReceivedAtUtc)} UK).");
        return this;
    }
}
