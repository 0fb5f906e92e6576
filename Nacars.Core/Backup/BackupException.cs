namespace Nacars.Core.Backup;

/// <summary>A backup that cannot be taken or read, said so an operator knows what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
