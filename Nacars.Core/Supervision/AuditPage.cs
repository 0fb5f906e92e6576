using Nacars.Core.Audit;

namespace Nacars.Core.Supervision;

public sealed record AuditPage(IReadOnlyList<AuditEvent> Items, int Total);
