using System.Globalization;
using System.Resources;

namespace Nacars.Core.Intake;

/// <summary>
/// The words of the report's fields, its validation messages, the categories' public labels and the refusals of files,
/// in English (<c>ReportText.resx</c>) and Welsh (<c>ReportText.cy.resx</c>). One set of words serves the public form,
/// the follow-up page, the call handler's intake page and the validator, in the language of the request
/// (<see cref="CultureInfo.CurrentUICulture"/>, chosen from the address: <c>/cy/…</c> is Welsh).
/// The Workbench reads the same resources through <c>IStringLocalizer&lt;ReportText&gt;</c>.
/// </summary>
public sealed class ReportText
{
    private static readonly ResourceManager Resources = new("Nacars.Core.Intake.ReportText", typeof(ReportText).Assembly);

    private ReportText() { }

    /// <summary>The text for <paramref name="key"/> in the current UI language (English when Welsh lacks it).</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The text for <paramref name="key"/>, formatted with numbers written as the current culture writes them.</summary>
    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>Whether the current request is in Welsh.</summary>
    public static bool IsWelsh => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cy";

    /// <summary>A category's public label in the current language; the analysts' own categories are English only.</summary>
    public static string CategoryLabel(string code) =>
        Resources.GetString("Category." + code, CultureInfo.CurrentUICulture) ?? Contacts.Categories.LabelOf(code);

    /// <summary>A force's name in the current language: the Welsh forces have Welsh names; others keep their own.</summary>
    public static string ForceName(string code) =>
        (IsWelsh ? Resources.GetString("Force." + code, CultureInfo.CurrentUICulture) : null) ?? Forces.ForceDirectory.NameOf(code);

    /// <summary>A file size as the limits are stated to reporters ("10 MB").</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture) + " KB";

    /// <summary>Why a file was refused, in the reporter's language, with which file it was when there were several.</summary>
    public static string Refusal(Attachments.AttachmentRejectedException refused, Attachments.AttachmentOptions limits)
    {
        var message = refused.Reason switch
        {
            Attachments.AttachmentRejection.Empty => Get("Attachment.Empty"),
            Attachments.AttachmentRejection.TooLarge => Format("Attachment.TooLarge", Size(limits.MaxFileBytes)),
            Attachments.AttachmentRejection.TooManyFiles => Format("Attachment.TooManyFiles", limits.MaxFiles),
            Attachments.AttachmentRejection.UnsupportedType => Get("Attachment.UnsupportedType"),
            Attachments.AttachmentRejection.HeicNotSupported => Get("Attachment.Heic"),
            Attachments.AttachmentRejection.TooManyPixels => Format("Attachment.TooManyPixels", (limits.MaxPixels / 1_000_000.0).ToString("0.#", CultureInfo.CurrentCulture)),
            Attachments.AttachmentRejection.DamagedImage => Get("Attachment.DamagedImage"),
            Attachments.AttachmentRejection.DamagedPdf => Get("Attachment.DamagedPdf"),
            Attachments.AttachmentRejection.PasswordProtectedPdf => Get("Attachment.PasswordPdf"),
            Attachments.AttachmentRejection.TooManyPages => Format("Attachment.TooManyPages", limits.MaxPdfPages),
            Attachments.AttachmentRejection.UnsafePdfStructure => Get("Attachment.UnsafePdf"),
            _ => Get("Attachment.CouldNotBeChecked"),
        };
        return refused.FileNumber is { } number ? Format("Attachment.FileNumber", number, message) : message;
    }
}
