//! Starter maps for `journeymap new`, in each label language. Every one passes
//! `check --deny-warnings` (a test makes sure).

use crate::model::Lang;

/// The starter map kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// Two phases, one persona: the smallest map worth drawing.
    Basic,
    /// The classic five phases: awareness, consideration, purchase, use, loyalty.
    AwarenessToLoyalty,
}

/// Words of a starter map in one language.
struct Words {
    title: &'static str,
    goal: &'static str,
    persona: &'static str,
    web: &'static str,
    phone: &'static str,
    sales: &'static str,
    service: &'static str,
    /// Phase names and one step each, in journey order.
    phases: [(&'static str, &'static str); 5],
    pain: &'static str,
    opportunity: &'static str,
    need: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            title: "Our customer's journey",
            goal: "The decision this map should inform",
            persona: "Who travels: age, situation, what matters to them",
            web: "Website",
            phone: "Phone",
            sales: "Sales",
            service: "Customer service",
            phases: [
                ("Awareness", "Notices the need"),
                ("Consideration", "Compares the options"),
                ("Purchase", "Buys"),
                ("Use", "Uses the product"),
                ("Loyalty", "Recommends it, or leaves"),
            ],
            pain: "Where it hurts, and why people drop out",
            opportunity: "An idea for doing better",
            need: "Know what happens next",
        },
        Lang::Da => Words {
            title: "Vores kundes rejse",
            goal: "Den beslutning kortet skal understøtte",
            persona: "Hvem rejser: alder, situation, hvad der betyder noget",
            web: "Hjemmeside",
            phone: "Telefon",
            sales: "Salg",
            service: "Kundeservice",
            phases: [
                ("Opmærksomhed", "Opdager behovet"),
                ("Overvejelse", "Sammenligner mulighederne"),
                ("Køb", "Køber"),
                ("Brug", "Bruger produktet"),
                ("Loyalitet", "Anbefaler det eller forlader os"),
            ],
            pain: "Hvor det gør ondt, og hvorfor kunder falder fra",
            opportunity: "En idé til at gøre det bedre",
            need: "Vide, hvad der sker nu",
        },
        Lang::Sv => Words {
            title: "Vår kunds resa",
            goal: "Det beslut kartan ska stödja",
            persona: "Vem reser: ålder, situation, vad som är viktigt",
            web: "Webbplats",
            phone: "Telefon",
            sales: "Sälj",
            service: "Kundtjänst",
            phases: [
                ("Medvetenhet", "Upptäcker behovet"),
                ("Övervägande", "Jämför alternativen"),
                ("Köp", "Köper"),
                ("Användning", "Använder produkten"),
                ("Lojalitet", "Rekommenderar oss eller lämnar"),
            ],
            pain: "Var det skaver, och varför kunder hoppar av",
            opportunity: "En idé om hur det kan bli bättre",
            need: "Veta vad som händer nu",
        },
        Lang::Nb => Words {
            title: "Vår kundes reise",
            goal: "Beslutningen kartet skal støtte",
            persona: "Hvem reiser: alder, situasjon, hva som betyr noe",
            web: "Nettside",
            phone: "Telefon",
            sales: "Salg",
            service: "Kundeservice",
            phases: [
                ("Oppmerksomhet", "Oppdager behovet"),
                ("Vurdering", "Sammenligner alternativene"),
                ("Kjøp", "Kjøper"),
                ("Bruk", "Bruker produktet"),
                ("Lojalitet", "Anbefaler oss eller forlater oss"),
            ],
            pain: "Hvor det gjør vondt, og hvorfor kunder faller fra",
            opportunity: "En idé til hvordan det kan bli bedre",
            need: "Vite hva som skjer nå",
        },
        Lang::De => Words {
            title: "Die Reise unserer Kundin",
            goal: "Die Entscheidung, die diese Karte stützen soll",
            persona: "Wer reist: Alter, Situation, was ihr wichtig ist",
            web: "Website",
            phone: "Telefon",
            sales: "Vertrieb",
            service: "Kundenservice",
            phases: [
                ("Aufmerksamkeit", "Bemerkt den Bedarf"),
                ("Abwägung", "Vergleicht die Möglichkeiten"),
                ("Kauf", "Kauft"),
                ("Nutzung", "Nutzt das Produkt"),
                ("Loyalität", "Empfiehlt uns weiter oder wandert ab"),
            ],
            pain: "Wo es hakt und warum Kunden abspringen",
            opportunity: "Eine Idee, wie es besser geht",
            need: "Wissen, wie es weitergeht",
        },
    }
}

/// A starter map in `lang`.
pub fn starter(lang: Lang, template: Template) -> String {
    let w = words(lang);
    let mut map = format!(
        "# Written with `journeymap new`; see docs/language.md for every statement.\n\
         journey: {title}\n\
         goal: {goal}\n\
         lang {code}\n\
         scale -2..2\n\n\
         persona customer: {persona}\n\n\
         channel web online: {web}\n\
         channel phone offline: {phone}\n\n\
         owner sales: {sales}\n\
         owner service: {service}\n",
        title = w.title,
        goal = w.goal,
        code = lang.code(),
        persona = w.persona,
        web = w.web,
        phone = w.phone,
        sales = w.sales,
        service = w.service,
    );
    let phases: &[(&str, &str)] = match template {
        Template::Basic => &[w.phases[1], w.phases[2]],
        Template::AwarenessToLoyalty => &w.phases,
    };
    let last = phases.len() - 1;
    for (i, (phase, step)) in phases.iter().enumerate() {
        // Alternate web and phone, so that both channels and owners are used.
        let (channel, label, owner, score) =
            if i % 2 == 0 { ("web", w.web, "sales", 1) } else { ("phone", w.phone, "service", -1) };
        map.push_str(&format!("\nphase: {phase}\n  step: {step}\n    touchpoint {channel} {owner}: {label}\n"));
        map.push_str(&format!("    emotion customer {score}\n"));
        if i == last {
            map.push_str(&format!(
                "    need functional unmet: {}\n    pain: {}\n    opportunity impact 4 effort 2: {}\n",
                w.need, w.pain, w.opportunity
            ));
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_starter_passes_check_without_warnings() {
        for &lang in Lang::ALL {
            for template in [Template::Basic, Template::AwarenessToLoyalty] {
                let map = starter(lang, template);
                let compiled = crate::compile(map.as_bytes());
                assert!(compiled.diags.is_empty(), "{lang:?} {template:?}: {:?}\n{map}", compiled.diags);
                let journey = compiled.journey.unwrap();
                assert_eq!(journey.lang, lang);
                let phases = if template == Template::Basic { 2 } else { 5 };
                assert_eq!(journey.phases.len(), phases);
            }
        }
    }
}
