using System.Globalization;

namespace Hemisphere.Bench.Generate;

/// <summary>What an activity's texts talk about, in English and Spanish (the languages every sheet has).</summary>
public sealed record ActivityContext(Phrase Topic, Phrase Beneficiaries, string PlaceEn, string PlaceEs, Phrase? Programme);

/// <summary>
/// The long texts of an activity sheet (summary, objectives, expected and achieved results), written in
/// English and Spanish from a few sentence patterns, as DPS programme sheets word them.
/// </summary>
public sealed class PortfolioTexts(Random rng)
{
    private delegate (string En, string Es) Sentence(ActivityContext c);

    private static readonly Sentence[] Openings =
    [
        c => ($"The Department of Public Security (DPS) supports {c.PlaceEn} in {c.Topic.En}, at the request of the national authorities.",
              $"El Departamento de Seguridad Pública (DSP) apoya a {c.PlaceEs} en materia de {c.Topic.Es}, a solicitud de las autoridades nacionales."),
        c => ($"This activity responds to the commitments on {c.Topic.En} adopted by the Meeting of Ministers Responsible for Public Security in the Americas (MISPA).",
              $"Esta actividad responde a los compromisos en materia de {c.Topic.Es} adoptados en la Reunión de Ministros en Materia de Seguridad Pública de las Américas (MISPA)."),
        c => ($"The activity addresses gaps in {c.Topic.En} identified together with the {c.Beneficiaries.En} of {c.PlaceEn}.",
              $"La actividad atiende brechas en materia de {c.Topic.Es} identificadas junto con {c.Beneficiaries.Es} de {c.PlaceEs}."),
    ];

    private static readonly Sentence UnderProgramme = c =>
        ($"It is part of the programme “{c.Programme!.En}”.", $"Forma parte del programa «{c.Programme!.Es}».");

    private static readonly Sentence[] Context =
    [
        _ => ("National institutions identified this area as a priority in their security strategies.",
              "Las instituciones nacionales identificaron esta área como prioritaria en sus estrategias de seguridad."),
        _ => ("It builds on the results of earlier DPS activities in the region.",
              "Se basa en los resultados de actividades anteriores del DSP en la región."),
    ];

    private static readonly string[] ModesEn = ["in-person", "virtual", "blended"];
    private static readonly string[] ModesEs = ["presencial", "virtual", "semipresencial"];

    private static readonly Func<ActivityContext, int, int, (string En, string Es)>[] Methods =
    [
        (_, hours, mode) => ($"It combines {N(hours)} hours of {ModesEn[mode]} training with follow-up technical assistance for the participating institutions.",
                             $"Combina {N(hours)} horas de formación {ModesEs[mode]} con asistencia técnica de seguimiento para las instituciones participantes."),
        (_, _, _) => ("The methodology includes a needs assessment, the validation of materials with national counterparts and a final evaluation.",
                      "La metodología incluye un diagnóstico de necesidades, la validación de materiales con las contrapartes nacionales y una evaluación final."),
        (_, _, _) => ("Participants are selected by their institutions in coordination with the OAS national offices.",
                      "Los participantes son seleccionados por sus instituciones en coordinación con las oficinas nacionales de la OEA."),
        (_, _, _) => ("The materials developed are made available to all OAS member states through the DPS website.",
                      "Los materiales elaborados se ponen a disposición de todos los Estados miembros de la OEA a través del sitio web del DSP."),
        (_, _, _) => ("Gender and human rights perspectives are included throughout the curriculum.",
                      "Las perspectivas de género y de derechos humanos se incorporan en todo el programa de estudios."),
    ];

    private static readonly Sentence[] Objectives =
    [
        c => ($"To strengthen the capacities of {c.Beneficiaries.En} in {c.Topic.En}.", $"Fortalecer las capacidades de {c.Beneficiaries.Es} en materia de {c.Topic.Es}."),
        c => ($"To develop and validate a protocol on {c.Topic.En} adapted to the national context.", $"Elaborar y validar un protocolo sobre {c.Topic.Es} adaptado al contexto nacional."),
        _ => ("To promote horizontal cooperation and the exchange of good practices among institutions of the region.",
              "Promover la cooperación horizontal y el intercambio de buenas prácticas entre las instituciones de la región."),
        _ => ("To institutionalise the training in the curricula of the national academies.", "Institucionalizar la formación en los planes de estudio de las academias nacionales."),
        c => ($"To produce reliable data to inform public policies on {c.Topic.En}.", $"Generar datos confiables para orientar las políticas públicas en materia de {c.Topic.Es}."),
    ];

    public (string En, string Es) Summary(ActivityContext c)
    {
        var en = new List<string>();
        var es = new List<string>();
        void Add((string En, string Es) s) { en.Add(s.En); es.Add(s.Es); }
        Add(Openings[rng.Next(Openings.Length)](c));
        if (c.Programme is not null && rng.NextDouble() < 0.5) Add(UnderProgramme(c));
        if (rng.NextDouble() < 0.5) Add(Context[rng.Next(Context.Length)](c));
        var first = (string.Join(' ', en), string.Join(' ', es));
        en.Clear();
        es.Clear();
        foreach (var i in Distinct(Methods.Length, rng.NextDouble() < 0.6 ? 2 : 1))
            Add(Methods[i](c, 8 * rng.Next(2, 16), rng.Next(ModesEn.Length)));
        // Most sheets describe the method in a second paragraph.
        var separator = rng.NextDouble() < 0.7 ? "\n\n" : " ";
        return (first.Item1 + separator + string.Join(' ', en), first.Item2 + separator + string.Join(' ', es));
    }

    /// <summary>One objective a paragraph; none for one activity in ten.</summary>
    public (string En, string Es)? ObjectivesOf(ActivityContext c)
    {
        if (rng.NextDouble() < 0.1) return null;
        var picked = Distinct(Objectives.Length, rng.NextDouble() < 0.55 ? 1 : 2).Select(i => Objectives[i](c)).ToList();
        return (string.Join("\n\n", picked.Select(p => p.En)), string.Join("\n\n", picked.Select(p => p.Es)));
    }

    public (string En, string Es) Achieved(ActivityContext c)
    {
        var trained = 10 * rng.Next(2, 60);
        var women = rng.Next(22, 61);
        var institutions = rng.Next(2, 15);
        var instructors = rng.Next(4, 40);
        (string, string)[] results =
        [
            ($"People trained: {N(trained)} ({N(women)}% women).", $"Personas capacitadas: {N(trained)} ({N(women)} % mujeres)."),
            ($"A manual on {c.Topic.En} was delivered to the national authorities and adopted by {N(institutions)} institutions.",
             $"Se entregó a las autoridades nacionales un manual sobre {c.Topic.Es}, adoptado por {N(institutions)} instituciones."),
            ($"{N(instructors)} national instructors certified to replicate the course.", $"{N(instructors)} instructores nacionales certificados para replicar el curso."),
            ("A diagnostic report with recommendations was validated with the national counterparts.", "Se validó con las contrapartes nacionales un informe de diagnóstico con recomendaciones."),
            ($"{N(institutions)} institutions adopted the protocol as internal regulation.", $"{N(institutions)} instituciones adoptaron el protocolo como normativa interna."),
        ];
        return Join(results, rng.Next(1, 4));
    }

    public (string En, string Es) Expected(ActivityContext c)
    {
        var trained = 10 * rng.Next(3, 80);
        (string, string)[] results =
        [
            ($"At least {N(trained)} {c.Beneficiaries.En} trained.", $"Al menos {N(trained)} personas capacitadas entre {c.Beneficiaries.Es}."),
            ($"A manual on {c.Topic.En} adopted by the national authorities.", $"Un manual sobre {c.Topic.Es} adoptado por las autoridades nacionales."),
            ("A network of national instructors able to replicate the course.", "Una red de instructores nacionales capaces de replicar el curso."),
            ($"Public policy recommendations on {c.Topic.En} presented to the authorities.", $"Recomendaciones de política pública en materia de {c.Topic.Es} presentadas a las autoridades."),
        ];
        return Join(results, rng.Next(1, 3));
    }

    private (string En, string Es) Join((string En, string Es)[] sentences, int count)
    {
        var picked = Distinct(sentences.Length, count).Select(i => sentences[i]).ToList();
        return (string.Join(' ', picked.Select(p => p.En)), string.Join(' ', picked.Select(p => p.Es)));
    }

    /// <summary>count different indexes below n, in increasing order.</summary>
    private List<int> Distinct(int n, int count)
    {
        var picked = new SortedSet<int>();
        while (picked.Count < Math.Min(count, n)) picked.Add(rng.Next(n));
        return picked.ToList();
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
