using Nacars.Core.Contacts;

namespace Nacars.Workbench.Demo;

/// <summary>Fictional reports written the way the public writes them. Phone numbers are Ofcom's drama range.</summary>
internal static class SampleReports
{
    internal sealed record Sample(string Account, string[] Categories, string Force, string? SubjectName, string? SubjectRole, string? Workplace,
        string? When, string? Where, string? HowKnown, bool Danger, string? ContactPhone, Channel Channel, double HoursAgo, ContactStatus Outcome);

    public static readonly Sample[] All =
    [
        new("A PC at the custody suite has been taking cash from a local garage owner to lose paperwork about his son's driving offences. I saw the envelope handed over twice in the car park.",
            ["money-or-favours"], "kent", "Daniel Hart", "PC", "Maidstone police station", "Most Fridays since September", "Car park behind the station", "I work at the garage next door", false, null, Channel.Online, 0.3, ContactStatus.New),
        new("An officer who dealt with my friend's burglary has been messaging her late at night, asking her out and saying he could 'make things easier' for her case.",
            ["sexual-purpose"], "met", null, "Detective Constable", "Lewisham CID", "Last three weeks", "WhatsApp messages", "She showed me the messages", false, "07700 900123", Channel.Online, 1.5, ContactStatus.New),
        new("My sister's partner is a sergeant. He checks her phone, has taken her bank card and told her no one will believe her because he is police. She is scared to leave tonight.",
            ["partner-abuse"], "west-midlands", "Mark", "Sergeant", "Birmingham", "Ongoing, worse this week", "Their home in Solihull", "She told me and I have seen bruises", true, null, Channel.Telephone, 0.1, ContactStatus.New),
        new("A PCSO made racist comments about Polish families at the community meeting and then again on his personal social media account.",
            ["hate-conduct"], "lincolnshire", null, "PCSO", "Boston neighbourhood team", "Meeting on 3 November", "Community centre, Boston", "I was at the meeting", false, null, Channel.Online, 5, ContactStatus.InTriage),
        new("An officer has been looking up people on the police computer for his cousin who runs a debt collection business.",
            ["personal-advantage", "misuse-of-systems"], "greater-manchester", "Lee", "PC", "Stockport", "Since the summer", null, "The cousin boasted about it to me", false, null, Channel.Online, 8, ContactStatus.InTriage),
        new("I want to complain that the officer who arrested me was rude and my case is taking too long.",
            ["other"], "essex", null, null, null, "Last month", "Chelmsford", "It happened to me", false, null, Channel.Online, 30, ContactStatus.NotDisseminated),
        new("A detective is tipping off a drugs gang about raids in exchange for money. The gang knew about the last raid two days before.",
            ["money-or-favours", "disclosure-of-information"], "merseyside", null, "Detective", "Liverpool", "October", "Anfield area", "I know people in the gang", false, null, Channel.Telephone, 2.5, ContactStatus.New),
        new("A special constable is using his warrant card to get free entry and drinks at clubs in town and threatening bouncers who refuse.",
            ["personal-advantage"], "unknown", null, "Special Constable", null, "Weekends", "City centre nightclubs", "I work as door staff", false, null, Channel.Online, 3.2, ContactStatus.New),
        new("An officer who was meant to be supporting a vulnerable witness started a relationship with her during the trial.",
            ["sexual-purpose", "vulnerability"], "avon-and-somerset", null, "DC", "Bristol", "Earlier this year", "Bristol Crown Court", "I am her friend", false, "07700 900456", Channel.Online, 12, ContactStatus.New),
        new("My neighbour is a police officer and he keeps parking across my drive.",
            ["other"], "surrey", null, null, null, null, null, null, false, null, Channel.Online, 50, ContactStatus.NotDisseminated),
        new("Police staff member in the control room passes details of domestic abuse victims to her brother, who is the perpetrator in one case.",
            ["disclosure-of-information", "inappropriate-association"], "thames-valley", null, "Call handler", "Force control room", "Recently", null, "I used to work with her", false, null, Channel.Telephone, 0.6, ContactStatus.New),
        new("An officer told a disabled man at a protest that 'people like you shouldn't be out' and pushed his wheelchair away.",
            ["hate-conduct"], "south-wales", null, "PC", "Cardiff", "Saturday", "Queen Street, Cardiff", "I filmed it", false, null, Channel.Online, 4.4, ContactStatus.New),
    ];
}
