namespace Nacars.Core.Contacts;

/// <summary>The officer, staff member or volunteer the contact is about.</summary>
public sealed record SubjectDetails(string? Name, string? Role, string? Number, string? Workplace)
{
    public static readonly SubjectDetails None = new(null, null, null, null);

    public bool IsEmpty => Name is null && Role is null && Number is null && Workplace is null;

    public override string ToString() =>
        string.Join(", ", new[] { Role, Number, Name, Workplace }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
