namespace Nacars.Core.Intake.Attachments;

/// <summary>Data Protection with a sub-purpose per attachment, kept behind a small seam so the cipher needs no DI.</summary>
internal interface IDataProtectionWrapper
{
    byte[] Protect(string purpose, string key, byte[] plain);
    byte[] Unprotect(string purpose, string key, byte[] protectedBytes);
}
