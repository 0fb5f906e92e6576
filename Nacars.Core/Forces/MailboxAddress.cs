namespace Nacars.Core.Forces;

internal static class MailboxAddress
{
    public static bool IsValid(string address) =>
        MimeKit.MailboxAddress.TryParse(address, out var parsed)
        && parsed.Address == address
        && address.Contains('@') && address.LastIndexOf('.') > address.IndexOf('@');
}
