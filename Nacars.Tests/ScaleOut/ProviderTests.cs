using Nacars.Tests.Supervision;
using Nacars.Tests.Dissemination;
using Nacars.Tests.Hosting;
using Nacars.Tests.Intake;
using Nacars.Tests.Triage;

namespace Nacars.Tests.ScaleOut;

// The same tests, on PostgreSQL: each class below inherits every test of its SQLite original and only swaps the
// database underneath, so both providers run one set of code paths and one set of expectations.

public sealed class PostgresWorkbench : WorkbenchFactory
{
    public PostgresWorkbench() => UsePostgres();
}

public sealed class PostgresKestrelWorkbench : KestrelWorkbenchFactory
{
    public PostgresKestrelWorkbench() => UsePostgres();
}

public sealed class PostgresGenerousLimits : PublicFormTests.GenerousLimits
{
    public PostgresGenerousLimits() => UsePostgres();
}

public sealed class PostgresNoDemoData : SupervisionStatisticsTests.NoDemoData
{
    public PostgresNoDemoData() => UsePostgres();
}

public sealed class PostgresEmptyService : SupervisionFiguresTests.EmptyService
{
    public PostgresEmptyService() => UsePostgres();
}

public class PublicFormTestsOnPostgres(PostgresGenerousLimits app) : PublicFormTests(app), IClassFixture<PostgresGenerousLimits>;

public class TriageTestsOnPostgres(PostgresKestrelWorkbench app) : TriageTests(app), IClassFixture<PostgresKestrelWorkbench>;

public class AuthorizationMatrixTestsOnPostgres(PostgresWorkbench app) : AuthorizationMatrixTests(app), IClassFixture<PostgresWorkbench>;

public class SupervisionStatisticsTestsOnPostgres(PostgresNoDemoData app) : SupervisionStatisticsTests(app), IClassFixture<PostgresNoDemoData>;

public class SupervisionFiguresTestsOnPostgres(PostgresEmptyService app) : SupervisionFiguresTests(app), IClassFixture<PostgresEmptyService>;

public class DisseminationTestsOnPostgres : DisseminationTests
{
    protected override void ChooseDatabase(WorkbenchFactory app) => app.UsePostgres();
}
