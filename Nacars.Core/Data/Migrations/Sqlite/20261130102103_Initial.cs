using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnalystDayFigures",
                columns: table => new
                {
                    Analyst = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decisions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnalystDayFigures", x => new { x.Analyst, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactReference = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BankHolidays",
                columns: table => new
                {
                    Nation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Removed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidays", x => new { x.Nation, x.Date });
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Account = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedCategories = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedForceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WhenHappened = table.Column<string>(type: "TEXT", nullable: true),
                    WhereHappened = table.Column<string>(type: "TEXT", nullable: true),
                    HowKnown = table.Column<string>(type: "TEXT", nullable: true),
                    ImmediateDanger = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpCodeHash = table.Column<string>(type: "TEXT", nullable: true),
                    NewInformationAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClaimedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    SanitisedAccount = table.Column<string>(type: "TEXT", nullable: true),
                    NotDisseminatedReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", nullable: true),
                    FlagDecisions = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedForceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ReviewAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PurgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MinimisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    AboutPolice_AtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AboutPolice_By = table.Column<string>(type: "TEXT", nullable: true),
                    Call_AnonymityStatementRead = table.Column<bool>(type: "INTEGER", nullable: true),
                    Call_CallStartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Call_InterpreterUsed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Call_TakenBy = table.Column<string>(type: "TEXT", nullable: true),
                    CorroborableDetail_AtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CorroborableDetail_By = table.Column<string>(type: "TEXT", nullable: true),
                    FastTimeCall_CalledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FastTimeCall_LoggedBy = table.Column<string>(type: "TEXT", nullable: true),
                    FastTimeCall_NumberCalled = table.Column<string>(type: "TEXT", nullable: true),
                    FastTimeCall_Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    FastTimeCall_PersonSpokenTo = table.Column<string>(type: "TEXT", nullable: true),
                    Grading_Assessment = table.Column<int>(type: "INTEGER", nullable: true),
                    Grading_Handling = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    Grading_HandlingConditions = table.Column<string>(type: "TEXT", nullable: true),
                    Grading_Source = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    NotPersonalComplaint_AtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NotPersonalComplaint_By = table.Column<string>(type: "TEXT", nullable: true),
                    ReportedSubject_Name = table.Column<string>(type: "TEXT", nullable: true),
                    ReportedSubject_Number = table.Column<string>(type: "TEXT", nullable: true),
                    ReportedSubject_Role = table.Column<string>(type: "TEXT", nullable: true),
                    ReportedSubject_Workplace = table.Column<string>(type: "TEXT", nullable: true),
                    Reporter_ConsentToForceContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reporter_Email = table.Column<string>(type: "TEXT", nullable: true),
                    Reporter_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Reporter_Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Reporter_StayAnonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Subject_Name = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_Number = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_Role = table.Column<string>(type: "TEXT", nullable: true),
                    Subject_Workplace = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Disseminations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    ForceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RerouteReason = table.Column<string>(type: "TEXT", nullable: true),
                    ReroutedFromForceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SecondsFromReceipt = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContactReceivedMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disseminations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForceDayFigures",
                columns: table => new
                {
                    ForceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<int>(type: "INTEGER", nullable: false),
                    Disseminated = table.Column<int>(type: "INTEGER", nullable: false),
                    NotDisseminated = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgent = table.Column<int>(type: "INTEGER", nullable: false),
                    InsufficientDetail = table.Column<int>(type: "INTEGER", nullable: false),
                    NotAboutPolice = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonalComplaint = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicate = table.Column<int>(type: "INTEGER", nullable: false),
                    MaliciousOrTest = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherReason = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSent = table.Column<int>(type: "INTEGER", nullable: false),
                    ReroutedIn = table.Column<int>(type: "INTEGER", nullable: false),
                    ReroutedOut = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForceDayFigures", x => new { x.ForceCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "Forces",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NominatedMailbox = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    FastTimeInHours = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FastTimeOutOfHours = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OfficeOpens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    OfficeCloses = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forces", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "IntakeDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedReference = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Canary = table.Column<string>(type: "TEXT", nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisseminationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    To = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AttachmentName = table.Column<string>(type: "TEXT", nullable: true),
                    Attachment = table.Column<byte[]>(type: "BLOB", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectedSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectedSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactIdentifiers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactIdentifiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactIdentifiers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReporterQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AskedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReporterQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReporterQuestions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: true),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUps_ReporterQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ReporterQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpId = table.Column<long>(type: "INTEGER", nullable: true),
                    StoreKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IncludeInReport = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactAttachments_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactAttachments_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnalystDayFigures_Day",
                table: "AnalystDayFigures",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_UserId",
                table: "AspNetUserPasskeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_AtUtc",
                table: "AuditEvents",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ContactReference_AtUtc",
                table: "AuditEvents",
                columns: new[] { "ContactReference", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Unsealed",
                table: "AuditEvents",
                column: "Id",
                filter: "\"Hash\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ContactAttachments_ContactId",
                table: "ContactAttachments",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactAttachments_FollowUpId",
                table: "ContactAttachments",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactAttachments_StoreKey",
                table: "ContactAttachments",
                column: "StoreKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactIdentifiers_ContactId",
                table: "ContactIdentifiers",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactIdentifiers_Kind_Hash_ContactId",
                table: "ContactIdentifiers",
                columns: new[] { "Kind", "Hash", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_DecidedAtUtc_DecidedBy",
                table: "Contacts",
                columns: new[] { "DecidedAtUtc", "DecidedBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ForceCode_ReceivedAtUtc",
                table: "Contacts",
                columns: new[] { "ForceCode", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NewInformation",
                table: "Contacts",
                column: "NewInformationAtUtc",
                filter: "\"NewInformationAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReceivedAtUtc_Reference",
                table: "Contacts",
                columns: new[] { "ReceivedAtUtc", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Reference",
                table: "Contacts",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReviewAtUtc",
                table: "Contacts",
                column: "ReviewAtUtc",
                filter: "\"ReviewAtUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Status_ReceivedAtUtc",
                table: "Contacts",
                columns: new[] { "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Urgent",
                table: "Contacts",
                column: "ReceivedAtUtc",
                filter: "\"Urgent\"");

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_ContactId",
                table: "Disseminations",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_ForceCode_CreatedAtUtc",
                table: "Disseminations",
                columns: new[] { "ForceCode", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_Reroutes",
                table: "Disseminations",
                columns: new[] { "CreatedAtUtc", "ContactId" },
                filter: "\"RerouteReason\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_Timeliness",
                table: "Disseminations",
                columns: new[] { "ForceCode", "SecondsFromReceipt", "ContactReceivedAtUtc", "RerouteReason" },
                filter: "\"RerouteReason\" IS NULL AND \"SecondsFromReceipt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_TimelinessByMonth",
                table: "Disseminations",
                columns: new[] { "ForceCode", "ContactReceivedMonth", "SecondsFromReceipt", "RerouteReason" },
                filter: "\"RerouteReason\" IS NULL AND \"SecondsFromReceipt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ContactId",
                table: "FollowUps",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_QuestionId",
                table: "FollowUps",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ForceDayFigures_Day",
                table: "ForceDayFigures",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeDrafts_Owner_UpdatedAtUtc",
                table: "IntakeDrafts",
                columns: new[] { "Owner", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DisseminationId",
                table: "OutboxMessages",
                column: "DisseminationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptAtUtc",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_SentAtUtc_CreatedAtUtc",
                table: "OutboxMessages",
                columns: new[] { "State", "SentAtUtc", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReporterQuestions_ContactId",
                table: "ReporterQuestions",
                column: "ContactId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnalystDayFigures");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "BankHolidays");

            migrationBuilder.DropTable(
                name: "ContactAttachments");

            migrationBuilder.DropTable(
                name: "ContactIdentifiers");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Disseminations");

            migrationBuilder.DropTable(
                name: "ForceDayFigures");

            migrationBuilder.DropTable(
                name: "Forces");

            migrationBuilder.DropTable(
                name: "IntakeDrafts");

            migrationBuilder.DropTable(
                name: "KeyChecks");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ProtectedSecrets");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "ReporterQuestions");

            migrationBuilder.DropTable(
                name: "Contacts");
        }
    }
}
