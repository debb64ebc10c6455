namespace Hemisphere.Bench.Generate;

/// <summary>Given names and surnames for each language of the generator, and how a full name is put together.</summary>
public static class Names
{
    private sealed record Pool(string[] Female, string[] Male, string[] Surnames);

    private static string[] L(string words) => words.Split(", ");

    private static readonly Dictionary<string, Pool> Pools = new(StringComparer.Ordinal)
    {
        ["es"] = new(
            L("María, Ana, Lucía, Carmen, Isabel, Gabriela, Valentina, Camila, Daniela, Paula, Sofía, Fernanda, Andrea, Patricia, Rosa, Claudia, Verónica, Natalia, Adriana, Mónica, Elena, Beatriz, Jimena, Marcela, Lorena, Carolina, Teresa, Julieta, Ximena, Alejandra"),
            L("José, Juan, Carlos, Luis, Jorge, Miguel, Andrés, Diego, Fernando, Ricardo, Alejandro, Sebastián, Javier, Manuel, Francisco, Pablo, Rodrigo, Eduardo, Héctor, Raúl, Mateo, Santiago, Gonzalo, Óscar, Víctor, Ramón, Emilio, Tomás, Iván, Ángel"),
            L("García, Rodríguez, Martínez, López, González, Pérez, Sánchez, Ramírez, Torres, Flores, Rivera, Gómez, Díaz, Cruz, Morales, Ortiz, Gutiérrez, Chávez, Ramos, Herrera, Medina, Aguilar, Vargas, Castillo, Jiménez, Moreno, Romero, Álvarez, Mendoza, Ruiz, Vásquez, Castro, Rojas, Núñez, Salazar, Guerrero, Muñoz, Peña, Cárdenas, Espinoza, Ibáñez, Quiroga, Benítez, Acosta, Sepúlveda, Zúñiga, Villalobos, Fuentes, Paredes, Cabrera")),
        ["pt"] = new(
            L("Ana, Maria, Juliana, Fernanda, Camila, Beatriz, Larissa, Patrícia, Mariana, Aline, Letícia, Renata, Cláudia, Gabriela, Vitória, Luíza, Helena, Isabela, Débora, Tatiana, Priscila, Raquel, Simone, Vanessa, Cecília"),
            L("João, José, Pedro, Lucas, Gabriel, Rafael, Marcelo, Felipe, Thiago, Bruno, Rodrigo, Gustavo, André, Paulo, Ricardo, Leonardo, Fábio, Eduardo, Antônio, Sérgio, Vinícius, Márcio, Caio, Otávio, Henrique"),
            L("Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, Costa, Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, Barbosa, Rocha, Dias, Nascimento, Andrade, Moreira, Nunes, Marques, Machado, Mendes, Freitas, Cardoso, Ramos, Gonçalves, Teixeira, Araújo, Correia, Pinto, Monteiro, Cavalcanti, Brandão")),
        ["fr"] = new(
            L("Marie, Nathalie, Sophie, Claudette, Rose, Guerline, Fabienne, Mirlande, Stéphanie, Josiane, Évelyne, Nadège, Judith, Roseline, Myriam, Géraldine, Chantal, Isabelle, Camille, Manon, Élodie, Valérie, Sandrine, Danielle"),
            L("Jean, Pierre, Jacques, Joseph, Michel, Frantz, Ronald, Emmanuel, Wilson, Patrick, Claude, Stéphane, Louis, Philippe, Daniel, François, Olivier, Mathieu, Étienne, Guy, Alain, Benoît, Réginald, Fritz"),
            L("Joseph, Pierre, Jean-Baptiste, Louis, Charles, Étienne, Augustin, Désir, Saint-Fleur, Dorval, Alexis, Paul, Délva, Célestin, Toussaint, Bélizaire, Lafontaine, Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, Ouellet, Pelletier, Bélanger, Lévesque, Bergeron, Leblanc, Dubois, Moreau")),
        ["en"] = new(
            L("Sarah, Jennifer, Emily, Jessica, Ashley, Michelle, Karen, Lisa, Nicole, Rachel, Laura, Samantha, Amanda, Megan, Rebecca, Hannah, Keisha, Shanice, Tamika, Alicia, Natasha, Gillian, Rochelle, Claire, Fiona, Grace, Olivia, Abigail, Joanne, Marcia"),
            L("James, John, Robert, Michael, David, William, Richard, Thomas, Christopher, Daniel, Matthew, Andrew, Kevin, Brian, Steven, Mark, Paul, Kenneth, Anthony, Ryan, Jason, Dwayne, Marlon, Andre, Trevor, Winston, Desmond, Neville, Rohan, Kareem"),
            L("Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore, Jackson, Martin, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Hill, Green, Adams, Baker, Campbell, Mitchell, Roberts, Phillips, Evans, Edwards, Stewart, Morris, Reid, Francis, Charles, Williamson, Grant, Henry, Browne, Samuel, Gordon, Joseph, Persaud, Ramdass")),
    };

    /// <summary>A full name in the customs of the language: two surnames in Spanish, compound given names in French…</summary>
    public static string FullName(Random rng, string language, bool female)
    {
        var pool = Pools[Geography.VocabularyLanguage(language)];
        var given = female ? pool.Female : pool.Male;
        string Pick(string[] words) => words[rng.Next(words.Length)];
        return Geography.VocabularyLanguage(language) switch
        {
            "es" => rng.NextDouble() < 0.3
                ? $"{Pick(given)} {Pick(given)} {Pick(pool.Surnames)} {Pick(pool.Surnames)}"
                : rng.NextDouble() < 0.85 ? $"{Pick(given)} {Pick(pool.Surnames)} {Pick(pool.Surnames)}" : $"{Pick(given)} {Pick(pool.Surnames)}",
            "pt" => rng.NextDouble() < 0.25
                ? $"{Pick(given)} {Pick(given)} {Pick(pool.Surnames)} {Pick(pool.Surnames)}"
                : rng.NextDouble() < 0.6 ? $"{Pick(given)} {Pick(pool.Surnames)} {Pick(pool.Surnames)}" : $"{Pick(given)} {Pick(pool.Surnames)}",
            "fr" => rng.NextDouble() < 0.2
                ? $"{(female ? "Marie" : "Jean")}-{PickOther(rng, given, female ? "Marie" : "Jean")} {Pick(pool.Surnames)}"
                : $"{Pick(given)} {Pick(pool.Surnames)}",
            _ => rng.NextDouble() < 0.2
                ? $"{Pick(given)} {(char)('A' + rng.Next(26))}. {Pick(pool.Surnames)}"
                : $"{Pick(given)} {Pick(pool.Surnames)}",
        };
    }

    private static string PickOther(Random rng, string[] words, string not)
    {
        var word = words[rng.Next(words.Length)];
        return word == not ? words[(Array.IndexOf(words, word) + 1) % words.Length] : word;
    }
}
