using Hemisphere.Features.Portfolio.Import;

namespace Hemisphere.Tests.Features.Portfolio;

/// <summary>
/// The expectations below were written by reading the seed texts in ../shared/seeds, field by field;
/// where the text does not say something (a name the extraction dropped, a missing date), the
/// expectation is null or empty.
/// </summary>
public sealed class SheetParserTests
{
    private const string HondurasSeed = "000_2f45ea884f4c92b2.txt";
    private const string BelizeSeed = "001_c042859ca4c92e83.txt";
    private const string CostaRicaSeed = "004_4f3fb2cd211204c6.txt";

    private static string Seed(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hemisphere.slnx")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        return File.ReadAllText(Path.Combine(dir.FullName, "..", "shared", "seeds", file));
    }

    /// <summary>One activity as a reader of the sheet would record it.</summary>
    private sealed record Expected(
        string? Name, string? Pillar, string? Programme, string? Start, string? End, string? Target,
        string[] Donors, string[] Partners, string[] Countries,
        (string First, string Last)? Summary, (string First, string Last)? Objectives, (string First, string Last)? Results,
        string[]? Links = null);

    private static void Check(Expected e, ImportedActivity a)
    {
        Assert.Equal(e.Name, a.Name);
        Assert.Equal(e.Pillar, a.Pillar);
        Assert.Equal(e.Programme, a.Programme);
        Assert.Equal(e.Start is null ? null : DateOnly.Parse(e.Start, System.Globalization.CultureInfo.InvariantCulture), a.StartDate);
        Assert.Equal(e.End is null ? null : DateOnly.Parse(e.End, System.Globalization.CultureInfo.InvariantCulture), a.EndDate);
        Assert.Equal(e.Target, a.TargetBeneficiaries);
        Assert.Equal(e.Donors, a.Donors);
        Assert.Equal(e.Partners.Order(StringComparer.Ordinal), a.Partners.Order(StringComparer.Ordinal));
        Assert.Equal(e.Countries.Order(StringComparer.Ordinal), a.Countries.Order(StringComparer.Ordinal));
        Assert.Equal(e.Links ?? [], a.Links);
        Section(e.Summary, a.Summary);
        Section(e.Objectives, a.Objectives);
        Section(e.Results, a.Results);
    }

    private static void Section((string First, string Last)? expected, string? actual)
    {
        if (expected is not var (first, last))
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.StartsWith(first, actual, StringComparison.Ordinal);
        Assert.EndsWith(last, actual, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", actual, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", actual, StringComparison.Ordinal);
        Assert.Equal(actual.Trim(), actual);
    }

    // The same three programmes appear on several country sheets with the same prose.
    private static readonly (string, string) NetworkSummary =
        ("The Inter-American Network for the Prevention of Violence and Crime was created following the Resolution 2866 approved during the 44th General Assembly",
         "The Fund is managed by the DPS.");
    private static readonly (string, string) NetworkObjectives =
        ("To establish a dialogue and consultation mechanism, and foster the exchange of experiences",
         "to prevent violence and crime and to create safer and more peaceful societies in the hemisphere.");
    private static readonly (string, string) NetworkResults =
        ("In 2016, the Network was officially launched during the event “Latin America and the Caribbean in action to reduce homicides”",
         "promote interaction and exchange of knowledge and practices among different actors and stakeholders.");
    private static readonly (string, string) PoliceSummary =
        ("The Department of Public Security (DPS) has created the Inter-American Network for Police Development and Professionalization as a mechanism for international cooperation",
         "coordinated by the University of São Paulo, with the goal of promoting the exchange between academic knowledge and police practices.");
    private static readonly (string, string) PoliceObjectives =
        ("To contribute in a systematic and ongoing manner to the strengthening of professional development of OAS Member States’ police institutions.",
         "to add scientific value in the professional development of police officers through accreditation of the courses by renowned universities.");
    private static readonly (string, string) PoliceResults =
        ("In the framework of the Interamerican Police Network, with the support of strategic partners, the DPS has carried out a needs assessment",
         "foster horizontal cooperation among police institutions in the Americas.");
    private static readonly string[] CafItalyHonduras = ["Banco de Desarrollo de América Latina (CAF)", "Italy", "Honduras"];
    private static readonly (string, string) MigrationSummary =
        ("The OAS Department of Public Security, in coordination with IOM and UNHCR, is implementing this Program",
         "3) protection of the migrant population in need of special attention and specific protection.");
    private static readonly (string, string) MigrationObjectives =
        ("Promote and support strategies for the prevention of crimes related to irregular migration, especially in those areas with high propensity for migration;",
         "persons with disabilities, and LGBT persons.");
    private static readonly (string, string) MigrationResults =
        ("There is a national diagnostic report elaborating on the legislative situation regarding irregular migration in the country;",
         "the implementation of special programs that deal comprehensively with the needs of Irregular migrants.");
    private const string MigrationLink = "http://community.oas.org/public_security/programa_de_prevencin_de_la_migracin_irregular_en_mesoamrica/b/weblog/default.aspx";
    private static readonly string[] Mesoamerica = ["CR", "SV", "GT", "HN", "MX", "NI", "PA", "DO"];
    private static readonly (string, string) VictimsSummary =
        ("Within the framework of the Central American Security Strategy (ESCA), and in particular the D.B.3 Project",
         "(5) facilitating and documenting the horizontal exchange of experiences in assistance and protection of victims and witnesses among these countries.");
    private static readonly (string, string) VictimsObjectives =
        ("Strengthen the specialized institutions responsible for offering assistance and protection services to victims, witnesses, and other individuals",
         "involved in the investigation and criminal proceedings, particularly in drug trafficking and organized crime”.");
    private static readonly (string, string) VictimsResults =
        ("Among the results achieved by this initiative, it is worth noting the elaboration of diagnostic reports",
         "as well as a list of the official documents that should accompany an official request of this nature.");
    private static readonly string[] VictimsCountries = ["BZ", "CR", "SV", "GT", "HN", "NI", "PA", "DO"];

    [Fact]
    public void Costa_Rica_sheet_has_six_activities_read_field_by_field()
    {
        SheetParseResult r = SheetParser.Parse(Seed(CostaRicaSeed), "CR");
        Expected[] expected =
        [
            new("Tourism Security Plan", "Security", "Tourism Security Program", "2017-07-20", "2017-11-01", null,
                ["Canada"], ["UNICRI"], ["CR"],
                ("In 2016, the Tourism Security Program of CICTE started the execution of a three-year project, funded by the government of Canada,",
                 "These activities are scheduled to begin on July 2017."),
                ("The execution of this plan will be divided into a two-day preparatory meeting", "The aim of these is to jointly develop a roadmap for a National Security Plan."),
                ("Among the expected results are, firstly, to gather relevant and precise information",
                 "the government of Costa Rica will compile the necessary information to develop a Tourism Security Plan.")),
            new("Port Evaluations and Assessments", "Security", "Maritime Security Program", "2017-04-12", "2017-12-31",
                "Agencies for port/maritime security in Costa Rica", ["Canada"], [], ["CR"],
                ("The Maritime Security Program aims to assist Member States to comply with international maritime security standards",
                 "a follow-on training to mitigate vulnerabilities identified during the assessment process."),
                ("Contribute to strengthening maritime/port security in Member States by identifying vulnerabilities",
                 "measuring the impact on the application of new strategies to improve maritime security overall in the Americas."),
                ("In conjunction with external experts, the program will lead a port assessment in a key port in Costa Rica",
                 "evaluating whether the overall port security has been bolstered.")),
            new("Inter-American Network for the Prevention of Violence and Crime", "Security", null, "2016-11-29", null,
                "OAS 34 Member States", ["Guatemala"], [], ["CR"], NetworkSummary, NetworkObjectives, NetworkResults,
                ["http://www.oas.org/ext/en/security/crime-prevention-network/"]),
            new("Inter-American Network for Police Development and Professionalization", "Security", null, "2015-07-01", "2020-07-01",
                "Police Institutions of the 34 OAS Member States", CafItalyHonduras, ["AMERIPOL", "University of São Paulo"], ["CR", "HN"],
                PoliceSummary, PoliceObjectives, PoliceResults),
            new("Program for the prevention of irregular Migration in Mesoamerica", "Security", null, "2014-06-23", "2017-06-23",
                "Migrant and potential migrant populations, particularly groups in vulnerable contexts in Costa Rica", ["European Union"],
                ["IOM", "UNHCR"], Mesoamerica, MigrationSummary, MigrationObjectives, MigrationResults, [MigrationLink]),
            new("Strengthening of Institutions Specialized in the Assistance and Protection of Victims, Witnesses, and other individuals involved in criminal proceedings related to Organized Crime in Central America",
                "Security", null, "2015-06-19", "2017-06-16", "Institutions specialized in assistance and protection of victims and witneses in Costa Rica",
                ["Spain (AECID)"], [], VictimsCountries, VictimsSummary, VictimsObjectives, VictimsResults),
        ];
        Assert.Equal(expected.Length, r.Activities.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Check(expected[i], r.Activities[i]);
        }
        // "needs-\nassessment" is rejoined as one word; paragraphs are kept apart.
        Assert.Contains("the knowledge needs identified in the needs-assessment and to reduce the asymmetries", r.Activities[3].Summary, StringComparison.Ordinal);
        Assert.Equal(3, r.Activities[3].Summary!.Split("\n\n").Length);
        // The sheet's "videos , among" and "Additionally,  in" lose their stray spaces.
        Assert.Contains("publications, best practices, news, videos, among other materials", r.Activities[2].Results, StringComparison.Ordinal);
        Assert.Contains("Additionally, in the same occasion", r.Activities[2].Results, StringComparison.Ordinal);
        Assert.Equal(2, r.Activities[0].Objectives!.Split("\n\n").Length);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Honduras_sheet_has_nine_activities_and_leaves_what_it_lost_empty()
    {
        SheetParseResult r = SheetParser.Parse(Seed(HondurasSeed), "HN");
        const string Cicte = "http://www.oas.org/en/sms/cicte/default.asp";
        Expected[] expected =
        [
            // The Network: this sheet lost the pillar, the name and the beneficiaries; "held in Paraguay" is background.
            new(null, null, null, "2016-11-29", null, null, ["Guatemala"], [], ["HN"], NetworkSummary, NetworkObjectives, NetworkResults),
            // The donor cell comes before "Donor Countries", the beneficiaries after it; the objectives sit under PROGRAM SUMMARY.
            new("Inter-American Network for Police Development and Professionalization", "Security", null, "2015-07-01", "2020-07-01",
                "Police Institutions of the 34 OAS Member States", CafItalyHonduras, ["AMERIPOL", "University of São Paulo"], ["HN"],
                PoliceSummary, PoliceObjectives, PoliceResults),
            // Migration: no table left but "European Union" in the donor's place.
            new(null, null, null, null, null, null, ["European Union"], ["IOM", "UNHCR"], Mesoamerica,
                MigrationSummary, MigrationObjectives, MigrationResults, [MigrationLink]),
            // Victims and witnesses: the Honduras sheet prints the Costa Rica beneficiaries.
            new(null, null, null, null, null, "Institutions specialized in assistance and protection of victims and witneses in Costa Rica",
                [], [], VictimsCountries, VictimsSummary, VictimsObjectives, VictimsResults),
            // Access to justice: only the completion date ("9/30/2017 to") and a link without its address.
            new(null, null, null, null, "2017-09-30", "Legal aid organizations of El Salvador, Guatemala and Honduras", ["Spain (AECID)"], [], ["HN", "SV", "GT"],
                ("The Department of Public Security (DPS) has been assisting the countries of the Northern Triangle",
                 "the project will carry out trainings for the staff of legal aid organizations in each country in the topics of victim’s rights and their needs."),
                ("Contribute to the strengthening of access to justice for crime victims in El Salvador, Honduras and Guatemala.",
                 "through the implementation of the Multidisciplinary Attention Units."),
                ("To this date, the mapping of the current state of the legal aid services in each country has been finalized.",
                 "increase the knowledge and the skills of workers of legal aid organizations in offer specialized services to victims.")),
            // Tela: no name, pillar or dates; the beneficiaries cell ends with a stray "school", kept as printed.
            new(null, null, "Inter-American Program for the Prevention of Violence and Crime", null, null,
                "100 youth at risk of violence, 25 women and potential/returned migrants, the local music NGO FARECOH, the Municipality of Tela, and the Ministry of Security of Honduras school",
                ["Spain", "Honduras"], ["FARECOH"], ["HN"],
                ("This project, developed within the framework of the Inter-American Program for the Prevention of Violence and Crime contemplates",
                 "promote the involvement of local governments and communities with activities related to the prevention of violence and crime."),
                ("To contribute with the prevention of violence and crime in Tela, Honduras,", "in particular youth, women, and potential and returned migrants."),
                ("1. Recommendations for the implementation of an Action Plan based on the Inter-American Program",
                 "4. 25 people (women and returned migrants) trained in entrepreneurship and microfinances, and 5 of their resulting projects with seed capital invested.")),
            // Cargo vessels: the table is printed twice (one activity); name and donor cell are cut off in the text;
            // the last result carries on below the repeated table. Canada and the United States fund it or lend their agencies: not places.
            new("Cargo Vessel Security Capacity Building Activities in", "Security", "Cargo and Container Security Program", "2016-01-01", "2017-12-31",
                "Customs and Security Agencies from Honduras.", ["Government of Canada", "Government of the United"], ["CBSA", "CBP"], ["HN"],
                ("CICTE’s Cargo and Container Security Program was developed to assist OAS Member States", "and thereby reinforce south-south cooperation in the Hemisphere."),
                ("To strengthen the national capabilities of OAS Member States to address security threats", "as well as replicating the delivered trainings by local"),
                ("Strengthening and enhancing the capacity of the border personnel for securing cargo and containerized trade",
                 "The experts will provide feedback on teaching techniques during the course, and will aim to ensure that trainers are fully capable of effectively teaching the curriculum without assistance."),
                [Cicte]),
            // Tourism security: only the dates and link below its results survive of its table.
            new(null, null, "Tourism Security Program", "2016-01-01", "2017-12-31", null, [], ["UNICRI", "RCMP", "AMERIPOL"], ["HN"],
                ("In 2016, the Tourism Security Program of CICTE started the execution of a three-year project", "Needs Assessment and follow-up Workshop on Tourism Security for La Ceiba."),
                ("This component of the Program included: a two-day Needs Assessment Mission", "Royal Canadian Mounted Police (RCMP), AMERIPOL, UNICRI, among others."),
                ("Among the results of these activities in Honduras, relevant and precise information has been gathered", "Specifically, 25 of them were men and 12 women."),
                [Cicte]),
            // Resolution 1540: the pillar only; "Completion to" means no completion date.
            new(null, "Security", "UNSCR 1540 (2004) Implementation Program", null, null, null, [], ["UN 1540 Committee", "UN Office for Disarmament Affairs"], ["HN"],
                ("Through the UNSCR 1540 (2004) Implementation Program, CICTE offers legislative assistance",
                 "culminated in the unanimous approval of Resolution 2325 (2016) by the UN Security Council."),
                ("The objectives of the program are to strengthen national legislative frameworks", "the execution of regional conferences and peer review exercises."),
                ("The program team will assist in the drafting of the reform of the penal code", "share best practices and lessons learned with other Member States.")),
        ];
        Assert.Equal(expected.Length, r.Activities.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Check(expected[i], r.Activities[i]);
        }
        Assert.Contains(r.Warnings, w => w.Contains("looks cut off", StringComparison.Ordinal) && w.Contains("Cargo Vessel", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Contains("Link to web page", StringComparison.Ordinal));
        Assert.Equal(7, r.Warnings.Count(w => w.Contains("no readable name", StringComparison.Ordinal)));
    }

    [Fact]
    public void Belize_sheet_has_six_activities_with_sections_under_their_own_headings()
    {
        SheetParseResult r = SheetParser.Parse(Seed(BelizeSeed), "BZ");
        Expected[] expected =
        [
            // The text starts mid-sheet: the first three blocks kept their prose but lost their tables.
            new(null, null, null, null, null, null, [], [], ["BZ"], NetworkSummary, NetworkObjectives, NetworkResults),
            new(null, null, null, null, null, null, [], [], ["BZ"],
                ("The Program was created in order to support Member States in promoting citizen security", "for the optimization of the Program´s later editions."),
                ("To develop a hemispheric strategy for the prevention of violence and crime", "to act in a coordinated manner, fostering international cooperation."),
                ("The Program´s interventions are implemented in three areas: institutional, situational and community.", "especially school and family.")),
            // The first police course takes place at the Police Academy of Honduras: Honduras is a place of the activity.
            new(null, null, null, null, null, null, [], ["AMERIPOL", "University of São Paulo"], ["BZ", "HN"], PoliceSummary, PoliceObjectives, PoliceResults),
            new("Port Evaluations and Assessments", "Security", "Maritime Security Program", "2017-04-12", "2017-12-31",
                "Agencies for port/maritime security in Belize", ["Canada"], [], ["BZ"],
                ("The Maritime Security Program aims to assist Member States", "a follow-on training to mitigate vulnerabilities identified during the assessment process."),
                ("Contribute to strengthening maritime/port security in Member States", "to improve maritime security overall in the Americas."),
                ("In conjunction with external experts, the program will lead a port assessment in a key port in Belize", "whether the overall port security has been bolstered.")),
            new(null, null, "Tourism Security Program", null, null, null, [], ["UNICRI", "RCMP", "CARICOM", "Hudson Trident"], ["BZ"],
                ("In 2016, the Tourism Security Program of CICTE started the execution of a three-year project", "follow-up Workshop on Tourism Security for Belize City."),
                ("This component of the Program included: a two-day Needs Assessment Mission", "UNICRI, CARICOM, Hudson Trident, among others."),
                ("Among the results of these activities in Belize, relevant and precise information has been gathered", "Specifically, 22 of them were men and 1 woman.")),
            // The beneficiaries line is printed above this block's headings, after the previous block's results.
            new(null, null, null, null, null, "Institutions specialized in assistance and protection of victims and witneses in Belize", [], [],
                VictimsCountries, VictimsSummary, VictimsObjectives, VictimsResults),
        ];
        Assert.Equal(expected.Length, r.Activities.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Check(expected[i], r.Activities[i]);
        }
        // This sheet prints "with on- site courses"; the others "on-site".
        Assert.Contains("with on-site courses and virtual courses", r.Activities[2].Summary, StringComparison.Ordinal);
    }

    private static string Describe(ImportedActivity a) =>
        string.Join(" | ", a.Name, a.Pillar, a.Programme, string.Join(",", a.Countries), a.StartDate, a.EndDate, a.TargetBeneficiaries,
            string.Join(";", a.Donors), string.Join(";", a.Partners), a.Summary, a.Objectives, a.Results, string.Join(" ", a.Links));

    [Theory]
    [InlineData(HondurasSeed)]
    [InlineData(BelizeSeed)]
    [InlineData(CostaRicaSeed)]
    public void Line_ends_and_spaces_around_lines_do_not_change_what_is_read(string seed)
    {
        string text = Seed(seed);
        string[] expected = [.. SheetParser.Parse(text).Activities.Select(Describe)];
        string[] variants =
        [
            text.Replace("\n", "\r\n", StringComparison.Ordinal),
            string.Join("\n", text.Split('\n').Select(l => l.TrimEnd())),
            string.Join("\n", text.Split('\n').Select(l => l.Trim())),
        ];
        foreach (string variant in variants)
        {
            Assert.Equal(expected, SheetParser.Parse(variant).Activities.Select(Describe));
        }
    }

    [Fact]
    public void Without_a_country_hint_only_countries_named_in_the_activity_are_kept()
    {
        SheetParseResult r = SheetParser.Parse(Seed(CostaRicaSeed));
        Assert.Equal(["CR"], r.Activities[0].Countries);           // "the government of Costa Rica will compile…"; Canada funds it
        Assert.Empty(r.Activities[2].Countries);                    // "OAS 34 Member States" names no country; Paraguay only hosted the 2014 Assembly
        Assert.Equal(["HN"], r.Activities[3].Countries);            // "the 34 OAS Member States"; the course at the Police Academy of Honduras
        Assert.Equal(["CR", "SV", "GT", "HN", "MX", "NI", "PA", "DO"], r.Activities[4].Countries);
    }

    [Fact]
    public void An_empty_text_gives_no_activity_and_a_warning()
    {
        foreach (string text in new[] { "", "   \n\n \n" })
        {
            SheetParseResult r = SheetParser.Parse(text);
            Assert.Empty(r.Activities);
            Assert.Single(r.Warnings);
        }
    }

    [Fact]
    public void A_text_without_sheet_labels_gives_no_activity()
    {
        const string Letter = """
            Dear colleagues,

            Please find attached the minutes of the meeting held in Panama City on 3/4/2017, where the
            delegations of Guatemala and Honduras presented their national plans for the coming year.

            Best regards
            """;
        SheetParseResult r = SheetParser.Parse(Letter, "PA");
        Assert.Empty(r.Activities);
        Assert.NotEmpty(r.Warnings);

        SheetParseResult headingsOnly = SheetParser.Parse(" PROGRAM SUMMARY\n\nOBJECTIVES\n\nRESULTS\n\nOAS Pillar\n\nDate\n\nto\n");
        Assert.Empty(headingsOnly.Activities);
        Assert.NotEmpty(headingsOnly.Warnings);
    }

    [Fact]
    public void Dates_are_month_first_and_otherwise_only_when_unambiguous()
    {
        Assert.Equal(new DateOnly(2015, 7, 1), SheetDate.Parse("7/1/2015").Value);
        Assert.Equal(new DateOnly(2017, 12, 31), SheetDate.Parse("31/12/2017").Value);
        Assert.Equal(new DateOnly(2017, 12, 31), SheetDate.Parse("2017-12-31").Value);
        Assert.Equal(new DateOnly(2017, 12, 31), SheetDate.Parse("12/31/2017").Value);

        SheetDateResult impossible = SheetDate.Parse("13/13/2017");
        Assert.Null(impossible.Value);
        Assert.NotNull(impossible.Warning);
        Assert.Null(SheetDate.Parse("2/30/2017").Value);
        Assert.Null(SheetDate.Parse("2017-13-01").Value);

        // In a text that also writes 31/12/2017, 5/6/2017 could be May or June.
        SheetDateResult ambiguous = SheetDate.Parse("5/6/2017", textHasDayFirstDates: true);
        Assert.Null(ambiguous.Value);
        Assert.Contains("ambiguous", ambiguous.Warning, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2017, 6, 6), SheetDate.Parse("6/6/2017", textHasDayFirstDates: true).Value);
    }

    [Fact]
    public void Dates_in_a_sheet_day_first_or_impossible()
    {
        static string Sheet(string dateLine, string endLine) => $"""
             PROGRAM SUMMARY

            The Department of Public Security runs a workshop on port security for the customs officers of Jamaica.

            OBJECTIVES

            To train fifty customs officers in the inspection of containers and in risk management at ports.

            RESULTS

            In 2018, fifty officers were trained and a national procedure for container inspection was adopted.

            Security Container Inspection Workshop

            {dateLine}

            OAS Pillar

            Name of Activity

            Date

            {endLine}
            """;
        SheetParseResult dayFirst = SheetParser.Parse(Sheet("13/1/2018 Date", "31/12/2018 to"));
        Assert.Equal(new DateOnly(2018, 1, 13), dayFirst.Activities[0].StartDate);
        Assert.Equal(new DateOnly(2018, 12, 31), dayFirst.Activities[0].EndDate);

        SheetParseResult iso = SheetParser.Parse(Sheet("2018-01-13", "2018-12-31 to"));
        Assert.Equal(new DateOnly(2018, 1, 13), iso.Activities[0].StartDate);
        Assert.Equal(new DateOnly(2018, 12, 31), iso.Activities[0].EndDate);

        SheetParseResult bad = SheetParser.Parse(Sheet("13/13/2017", "31/12/2018 to"));
        Assert.Null(bad.Activities[0].StartDate);
        Assert.Equal(new DateOnly(2018, 12, 31), bad.Activities[0].EndDate);
        Assert.Contains(bad.Warnings, w => w.Contains("13/13/2017", StringComparison.Ordinal));

        SheetParseResult ambiguous = SheetParser.Parse(Sheet("5/6/2018 Date", "31/12/2018 to"));
        Assert.Null(ambiguous.Activities[0].StartDate);
        Assert.Contains(ambiguous.Warnings, w => w.Contains("5/6/2018", StringComparison.Ordinal) && w.Contains("ambiguous", StringComparison.Ordinal));
    }

    /// <summary>
    /// A sheet written for this test in the DPS format but with other activities: the first block
    /// with its values printed before the labels and its summary after the table, the second with
    /// labels before values and sections under their own headings.
    /// </summary>
    private const string OtherSheet = """
        Port authorities of Saint Lucia, St. Vincent

        and the Grenadines and Grenada

         PROGRAM SUMMARY  

        OBJECTIVES  

        RESULTS  

         

        To train port facility security officers of the Eastern Caribbean in the application of the ISPS Code and in
        risk management for cruise terminals.

        To set up a regional exchange of security alerts among the port authorities of the three countries.

         

        In 2018, 45 officers from Saint Lucia, St. Vincent and the Grenadines and Grenada completed the course. A
        regional exercise is planned in Castries for the following year.

        Security Cruise Terminal Security

        Workshops for the Eastern Caribbean

        3/15/2018 

        OAS Pillar 

         

        Name of Activity 

         

        Date 

         

        Target Beneficiaries 

            Additional Information 

         

        Canada; Government of the United 

        States 

                    Donor Countries 

        9/30/2019 to 

        The Maritime Security Program of CICTE runs this project with the support of CARICOM IMPACS, in coordination
        with the International Maritime Organization (IMO). The project builds on a needs-
        assessment carried out in 2017 in the three countries.

         Target Beneficiaries 

        Police institutions of the 34 OAS 

        Member States 

        OAS Pillar 

        Security 

        Name of Activity 

        Virtual Course on 

        Community Policing 

        Donor Countries 

        Spain (AECID) 

          Additional Information http://www.oas.org/en/sms/dps/

        police-course.asp 

        1/2/2019 Date 12/31/2020 

        to 

        PROGRAM SUMMARY 

        The Inter-American Network for Police Development and Professionalization offers a virtual course on community
        policing, developed together with the University of the West Indies and AMERIPOL.

        OBJECTIVES 

        To train 5,000 police officers of the Americas in community policing by the end of 2020, with a certificate that
        universities of the region recognise.

        RESULTS 

        In 2019, 1,200 officers from the Dominican Republic, The Bahamas and Trinidad y Tobago completed the course;
        officers from the rest of the 34 OAS Member States join in 2020.
        """;

    [Fact]
    public void Another_sheet_in_the_same_format_parses_too()
    {
        SheetParseResult r = SheetParser.Parse(OtherSheet);
        Assert.Equal(2, r.Activities.Count);

        ImportedActivity cruise = r.Activities[0];
        Assert.Equal("Cruise Terminal Security Workshops for the Eastern Caribbean", cruise.Name);
        Assert.Equal("Security", cruise.Pillar);
        Assert.Equal("Maritime Security Program", cruise.Programme);
        Assert.Equal(new DateOnly(2018, 3, 15), cruise.StartDate);
        Assert.Equal(new DateOnly(2019, 9, 30), cruise.EndDate);
        Assert.Equal("Port authorities of Saint Lucia, St. Vincent and the Grenadines and Grenada", cruise.TargetBeneficiaries);
        Assert.Equal(["Canada", "Government of the United States"], cruise.Donors);
        Assert.Equal(["CARICOM IMPACS", "IMO"], cruise.Partners);
        Assert.Equal(["LC", "VC", "GD"], cruise.Countries);
        Assert.Equal(
            "To train port facility security officers of the Eastern Caribbean in the application of the ISPS Code and in risk management for cruise terminals.\n\n"
            + "To set up a regional exchange of security alerts among the port authorities of the three countries.", cruise.Objectives);
        Assert.Equal("In 2018, 45 officers from Saint Lucia, St. Vincent and the Grenadines and Grenada completed the course. A regional exercise is planned in Castries for the following year.", cruise.Results);
        Assert.Equal("The Maritime Security Program of CICTE runs this project with the support of CARICOM IMPACS, in coordination with the International Maritime Organization (IMO). "
            + "The project builds on a needs-assessment carried out in 2017 in the three countries.", cruise.Summary);
        Assert.Empty(cruise.Links);

        ImportedActivity course = r.Activities[1];
        Assert.Equal("Virtual Course on Community Policing", course.Name);
        Assert.Equal("Security", course.Pillar);
        Assert.Null(course.Programme);
        Assert.Equal(new DateOnly(2019, 1, 2), course.StartDate);
        Assert.Equal(new DateOnly(2020, 12, 31), course.EndDate);
        Assert.Equal("Police institutions of the 34 OAS Member States", course.TargetBeneficiaries);
        Assert.Equal(["Spain (AECID)"], course.Donors);
        Assert.Equal(["University of the West Indies", "AMERIPOL"], course.Partners);
        Assert.Equal(["DO", "BS", "TT"], course.Countries);
        Assert.Equal(["http://www.oas.org/en/sms/dps/police-course.asp"], course.Links);
        Assert.StartsWith("The Inter-American Network for Police Development and Professionalization offers", course.Summary, StringComparison.Ordinal);
        Assert.StartsWith("To train 5,000 police officers", course.Objectives, StringComparison.Ordinal);
        Assert.EndsWith("join in 2020.", course.Results, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_printed_twice_becomes_one_activity()
    {
        const string Block = """
             PROGRAM SUMMARY

            OBJECTIVES

            RESULTS

            To strengthen the capacity of the forensic laboratories of Paraguay and Uruguay to process ballistic evidence.

             

            Two laboratories were equipped and twelve experts trained in ballistic comparison.

            Security Ballistic Forensics

            Laboratories

            4/1/2018

            OAS Pillar

            Name of Activity

            Date

            Target Beneficiaries

            Additional Information

            United States

            Donor Countries

            3/31/2019 to

            The Department of Public Security supports the forensic services of the region in the analysis of firearms evidence.

            """;
        const string Longer = "\n\nA regional ballistic information network was proposed to both governments.\n";
        string text = Block.Replace("in ballistic comparison.", "in ballistic comparison." + Longer, StringComparison.Ordinal) + "\n\n\n" + Block;
        SheetParseResult r = SheetParser.Parse(text);

        ImportedActivity a = Assert.Single(r.Activities);
        Assert.Equal("Ballistic Forensics Laboratories", a.Name);
        Assert.Equal(new DateOnly(2018, 4, 1), a.StartDate);
        Assert.Equal(new DateOnly(2019, 3, 31), a.EndDate);
        Assert.Equal(["United States"], a.Donors);
        Assert.Equal(["PY", "UY"], a.Countries);
        Assert.EndsWith("A regional ballistic information network was proposed to both governments.", a.Results, StringComparison.Ordinal);
        Assert.Equal("To strengthen the capacity of the forensic laboratories of Paraguay and Uruguay to process ballistic evidence.", a.Objectives);
    }

    [Fact]
    public void Country_names_are_read_in_English_and_Spanish_with_their_variants()
    {
        Assert.Equal("DO", CountryNames.ToCode("the Dominican Republic"));
        Assert.Equal("DO", CountryNames.ToCode("República Dominicana"));
        Assert.Equal("DM", CountryNames.ToCode("Dominica"));
        Assert.Equal("LC", CountryNames.ToCode("St. Lucia"));
        Assert.Equal("LC", CountryNames.ToCode("SAINT LUCIA"));
        Assert.Equal("BS", CountryNames.ToCode("The Bahamas"));
        Assert.Equal("BS", CountryNames.ToCode("Bahamas"));
        Assert.Equal("BZ", CountryNames.ToCode("Belice"));
        Assert.Equal("PA", CountryNames.ToCode("panama"));
        Assert.Equal("PE", CountryNames.ToCode("Perú"));
        Assert.Equal("US", CountryNames.ToCode("Estados Unidos"));
        Assert.Equal("KN", CountryNames.ToCode("St. Kitts and Nevis"));
        Assert.Null(CountryNames.ToCode("Italy"));
        Assert.Equal(35, CountryNames.Codes.Count);

        IReadOnlyList<CountryMention> found = CountryNames.FindIn("Dominica, the Dominican Republic and México; trained by us in the USA.");
        Assert.Equal(["DM", "DO", "MX", "US"], found.Select(m => m.Code));
    }
}
