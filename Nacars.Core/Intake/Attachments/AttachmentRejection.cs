namespace Nacars.Core.Intake.Attachments;

/// <summary>Why a file was refused: for logs, counts and tests. Never log the file's name or content.</summary>
public enum AttachmentRejection
{
    Empty,
    TooLarge,
    TooManyFiles,
    UnsupportedType,
    HeicNotSupported,
    TooManyPixels,
    DamagedImage,
    DamagedPdf,
    PasswordProtectedPdf,
    TooManyPages,
    UnsafePdfStructure,
    /// <summary>The separate process that cleans files crashed, ran out of memory or time on it.</summary>
    CouldNotBeChecked,
}
