using System.Globalization;

namespace Nacars.Core.Intake.Attachments;

/// <summary>A file that cannot be accepted. <see cref="Exception.Message"/> is the <see cref="ReporterMessage"/>:
/// plain English, safe to show to the reporter as it is, and it never repeats the file's name or content.
/// Nothing has been stored when this is thrown.</summary>
public sealed class AttachmentRejectedException(AttachmentRejection reason, string reporterMessage, Exception? inner = null)
    : Exception(reporterMessage, inner)
{
    public AttachmentRejection Reason { get; } = reason;
    public string ReporterMessage => Message;
    /// <summary>1-based position of the file in a batch (<see cref="AttachmentIntake.AcceptAllAsync"/>), so a form can say
    /// "File 2: …"; null for a single file.</summary>
    public int? FileNumber { get; init; }

    internal AttachmentRejectedException ForFile(int number) => new(Reason, ReporterMessage, InnerException) { FileNumber = number };

    internal static class Messages
    {
        public const string Accepted = "You can send photos (JPEG, PNG or WebP) or PDF documents.";
        public const string Empty = "This file is empty. Please choose the file again.";
        public const string UnsupportedType = "This file type cannot be accepted. " + Accepted;
        public const string Heic = "This photo is in the HEIC format that iPhones use, which cannot be accepted. Please send it as a JPEG: " +
            "on the iPhone, share or export the photo as JPEG, or set Settings > Camera > Formats to \"Most Compatible\".";
        public const string DamagedImage = "This picture appears to be damaged or incomplete, so it cannot be accepted. Please try saving it again.";
        public const string DamagedPdf = "This PDF appears to be damaged or incomplete, so it cannot be accepted. Please try saving it again.";
        public const string PasswordPdf = "This PDF is protected with a password, so it cannot be accepted. Please save a copy without the password and attach that.";
        public const string UnsafePdf = "This PDF cannot be accepted because of the way it was made. Please try printing it to a new PDF and attaching that.";

        public static string TooLarge(long maxBytes) => $"This file is too large. Each file must be {Size(maxBytes)} or smaller.";
        public static string TooManyFiles(int max) => $"You can attach up to {max} files.";
        public static string TooManyPixels(long maxPixels) =>
            $"This picture is too large to accept (more than {maxPixels / 1_000_000.0:0.#} million pixels). Please send a smaller version, for example a screenshot.";
        public static string TooManyPages(int max) => $"This PDF has too many pages: the limit is {max}. Please send only the pages that matter.";

        private static string Size(long bytes) => bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
    }
}
