namespace Nacars.Core.Intake;

/// <summary>How a report field is typed in.</summary>
public enum ReportFieldInput { Text, TextArea, Email, Phone, Choice }
