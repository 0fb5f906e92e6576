using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nacars.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ForceFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AutoSubmitted",
                table: "OutboxMessages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "InReplyTo",
                table: "OutboxMessages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AcknowledgeWorkingMinutes",
                table: "Disseminations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAtUtc",
                table: "Disseminations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredAtUtc",
                table: "Disseminations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderSentAtUtc",
                table: "Disseminations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ForceRepliedAtUtc",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ForceOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    ForceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    ToldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForceOutcomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForceReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    From = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Unreadable = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AttachmentsLeftOut = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MatchedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reference = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    DisseminationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ForceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FromForceDomain = table.Column<bool>(type: "boolean", nullable: false),
                    Automatic = table.Column<bool>(type: "boolean", nullable: false),
                    HandledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    HandledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForceReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MailboxCursors",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    LastUid = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxCursors", x => x.Mailbox);
                });

            migrationBuilder.CreateTable(
                name: "ForceReplyAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceReplyId = table.Column<Guid>(type: "uuid", nullable: false),
                    StoreKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FileName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Refused = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForceReplyAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForceReplyAttachments_ForceReplies_ForceReplyId",
                        column: x => x.ForceReplyId,
                        principalTable: "ForceReplies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // One message per Message-ID from now on. Before, instances could each queue the same daily summary (the
            // only messages whose Message-ID was not new): keep the first of each, or the unique index cannot be made.
            migrationBuilder.Sql("""
                DELETE FROM "OutboxMessages" WHERE EXISTS (
                    SELECT 1 FROM "OutboxMessages" AS first
                    WHERE first."MessageId" = "OutboxMessages"."MessageId"
                      AND (first."CreatedAtUtc" < "OutboxMessages"."CreatedAtUtc"
                           OR (first."CreatedAtUtc" = "OutboxMessages"."CreatedAtUtc" AND first."Id" < "OutboxMessages"."Id")))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disseminations_Unacknowledged",
                table: "Disseminations",
                columns: new[] { "DeliveredAtUtc", "ContactId" },
                filter: "\"AcknowledgedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ForceOutcomes_ContactId_RecordedAtUtc",
                table: "ForceOutcomes",
                columns: new[] { "ContactId", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ForceOutcomes_ForceCode_ToldOn",
                table: "ForceOutcomes",
                columns: new[] { "ForceCode", "ToldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ForceReplies_ContactId_ReceivedAtUtc",
                table: "ForceReplies",
                columns: new[] { "ContactId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ForceReplies_Fingerprint",
                table: "ForceReplies",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForceReplies_State_ReceivedAtUtc",
                table: "ForceReplies",
                columns: new[] { "State", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ForceReplyAttachments_ForceReplyId",
                table: "ForceReplyAttachments",
                column: "ForceReplyId");

            migrationBuilder.CreateIndex(
                name: "IX_ForceReplyAttachments_StoreKey",
                table: "ForceReplyAttachments",
                column: "StoreKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForceOutcomes");

            migrationBuilder.DropTable(
                name: "ForceReplyAttachments");

            migrationBuilder.DropTable(
                name: "MailboxCursors");

            migrationBuilder.DropTable(
                name: "ForceReplies");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Disseminations_Unacknowledged",
                table: "Disseminations");

            migrationBuilder.DropColumn(
                name: "AutoSubmitted",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "InReplyTo",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "AcknowledgeWorkingMinutes",
                table: "Disseminations");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAtUtc",
                table: "Disseminations");

            migrationBuilder.DropColumn(
                name: "DeliveredAtUtc",
                table: "Disseminations");

            migrationBuilder.DropColumn(
                name: "ReminderSentAtUtc",
                table: "Disseminations");

            migrationBuilder.DropColumn(
                name: "ForceRepliedAtUtc",
                table: "Contacts");
        }
    }
}
