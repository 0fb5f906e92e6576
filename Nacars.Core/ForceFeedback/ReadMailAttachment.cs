namespace Nacars.Core.ForceFeedback;

/// <summary>A file attached to a message, as sent (not yet cleaned): the name is the sender's and is never used as a path.</summary>
public sealed record ReadMailAttachment(string FileName, byte[] Content);
