namespace Nacars.Core.Contacts;

/// <summary>What must be true before a contact goes to a force, as the sentences the analyst reads.</summary>
public static class DisseminationReadiness
{
    public const string NewInformationBlocks = "The reporter sent new information: read it and mark it as read first.";

    /// <summary>Why the contact cannot be sent yet; empty when it can.</summary>
    /// <param name="unresolvedReporterFlags">How many details in the sanitised account could identify the reporter with
    /// no decision about them (<c>ReporterFlagCheck</c>): the domain does not run the recognisers itself.</param>
    public static IReadOnlyList<string> Blocks(Contact contact, int unresolvedReporterFlags)
    {
        var blocks = new List<string>();
        if (contact.HasNewInformation) blocks.Add(NewInformationBlocks);
        if (unresolvedReporterFlags > 0)
            blocks.Add($"The sanitised account still has {unresolvedReporterFlags} detail{(unresolvedReporterFlags == 1 ? "" : "s")} that could identify the reporter: redact each, or keep it with a reason.");
        if (!contact.ThresholdMet) blocks.Add("Tick all three threshold checks.");
        if (contact.ForceCode == Contact.UnknownForce) blocks.Add("Choose the force the report goes to.");
        if (string.IsNullOrWhiteSpace(contact.SanitisedAccount)) blocks.Add("Write the sanitised account.");
        if (contact.Grading is null) blocks.Add("Grade the information (3x5x2).");
        if (contact.Urgent && contact.FastTimeCall is null) blocks.Add("Urgent: log the fast-time call to the force first.");
        if (contact.Categories.Count == 0) blocks.Add("Choose at least one category.");
        return blocks;
    }
}
