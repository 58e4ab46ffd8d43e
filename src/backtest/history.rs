//! The model's inputs quarter by quarter, from 2022-Q1 to 2026-Q2, as a
//! reader at the end of each quarter could have set them. The backtest runs
//! the model from each quarter and scores it (Brier) against what followed.
//!
//! Every value is a judgement read from the dated figures cited beside it
//! (territory from ISW, AFP and DeepState; casualties from the UK Ministry of
//! Defence, CSIS, BBC/Mediazona and the UN monitoring mission; aid from the
//! Kiel tracker; stated positions in each party's own words). The values were
//! coded before any scoring, from the research notes in
//! `shared/research/positions.md` and `calibration.md`, and must not be tuned
//! to improve the score. "Judgement" in a source marks a value that no single
//! figure fixes. Some figures were published after the quarter (yearly totals,
//! later tallies); they are used to measure what happened in the quarter, not
//! to look beyond it.
//!
//! Momentum is read from the ground that actually changed hands in the
//! quarter (about -(net Russian gain in km² a month) / 1500 in the positional
//! phases, larger in the manoeuvre phases of 2022). It is the momentum seen,
//! not corrected back to the default aid (0.55) and Russian support (0.5):
//! the model adds 0.5 × (aid − 0.55) − 0.5 × (support − 0.5) to it, which
//! in 2022–23 (low Russian support) moves it 0.1 to 0.2 towards Ukraine.
//! Horizon (12 months) and uncertainty (0.5) are the same in every quarter.
//!
//! This file is pure data: one struct and one function that returns the
//! quarters as a literal, each value beside its source. It is exempt from
//! the limits on file length (tests/code_shape.rs) and function length
//! (clippy's `too_many_lines`), since splitting a table by size would only
//! scatter it. Keep code out of it.

use crate::model::Inputs;

/// One quarter's inputs, as a reader at the quarter's end could have set them.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarter {
    /// "2022-Q1"
    pub label: &'static str,
    /// The forecast date: the last day of the quarter, "2022-03-31".
    pub date: &'static str,
    pub inputs: Inputs,
    /// One entry per input that differs across quarters: (input id, why this value, with source).
    pub sources: &'static [(&'static str, &'static str)],
}

/// The eighteen quarters, oldest first.
#[allow(clippy::too_many_lines)] // a data table: each quarter's inputs with their sources
pub fn quarters() -> Vec<Quarter> {
    vec![
        Quarter {
            label: "2022-Q1",
            date: "2022-03-31",
            inputs: Inputs {
                momentum: -0.4,
                attrition: 0.75,
                aid: 0.4,
                russian_support: 0.05,
                presence: 0.0,
                support_half_life: 48.0,
                pressure: 0.25,
                tolerance: 0.0,
                loss_tolerance: 0.7,
                ukraine_loss_tolerance: 0.85,
                escalation_propensity: 0.4,
                aims: 0.4,
                russian_aims: 0.9,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "The Times/ISW: Russia held up to 22% of Ukraine in late March (~91k km² newly held) but began leaving the Kyiv and Chernihiv areas on 29 Mar: a stalled advance, -0.4.",
                ),
                (
                    "attrition",
                    "Judgement: manoeuvre war on four axes and the siege of Mariupol; most of the 10,582 civilians HRMMU counted killed to Feb 2024 died in 2022: 0.75.",
                ),
                (
                    "aid",
                    "Judgement: early Western aid is light arms (Javelins, Stingers) and budget support; no heavy weapons yet: 0.4.",
                ),
                (
                    "russian_support",
                    "Judgement: Belarus lends its territory as a launch ground; no arms supplies from partners reported: 0.05.",
                ),
                (
                    "presence",
                    "Istanbul offer (29 Mar 2022): guarantees from the P5 and others; no Western troops proposed for after a ceasefire: 0.",
                ),
                (
                    "staying",
                    "Judgement: broad bipartisan US support and EU unity; no sign of fatigue: 48 months.",
                ),
                (
                    "pressure",
                    "Turkey hosts Istanbul talks (29 Mar 2022 communiqué, draft treaty): mediation active, little outside pressure to sign: 0.25.",
                ),
                (
                    "tolerance",
                    "Moscow's stated position: neutral Ukraine, no Western forces on its soil (Istanbul talks, Mar 2022): 0.",
                ),
                (
                    "losses",
                    "Judgement: Moscow fights with its standing army and without mobilisation; its tolerance is not yet tested: 0.7.",
                ),
                (
                    "ua_losses",
                    "Judgement: mass volunteering and general mobilisation from 24 Feb 2022; fighting for national survival: 0.85.",
                ),
                (
                    "escalation",
                    "Putin orders nuclear deterrence forces to special alert (27 Feb 2022) at the start of the invasion: 0.4.",
                ),
                (
                    "aims",
                    "Istanbul offer (29 Mar 2022): neutrality for guarantees, Crimea talks over 15 years, Donbas left out: 0.4.",
                ),
                (
                    "russian_aims",
                    "Judgement: in the Istanbul talks Moscow seeks neutrality, 'demilitarisation and denazification' and recognition of Crimea and Donbas: 0.9.",
                ),
            ],
        },
        Quarter {
            label: "2022-Q2",
            date: "2022-06-30",
            inputs: Inputs {
                momentum: -0.2,
                attrition: 0.7,
                aid: 0.55,
                russian_support: 0.05,
                presence: 0.0,
                support_half_life: 48.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.7,
                ukraine_loss_tolerance: 0.85,
                escalation_propensity: 0.35,
                aims: 0.7,
                russian_aims: 0.95,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "War Mapper (Intellinews): +5.31 pts to Ukraine, nearly all the April withdrawal; Russia then gained slowly in Luhansk (Sievierodonetsk, June): judgement -0.2.",
                ),
                (
                    "attrition",
                    "Judgement: the artillery war in Donbas; MI6 (21 Jul 2022): about 15,000 Russians killed so far: heavy, below the 2024–25 peak, 0.7.",
                ),
                (
                    "aid",
                    "Judgement: heavy artillery and the first HIMARS (June 2022) arrive; commitments grow fast before Kiel's October tally: 0.55.",
                ),
                (
                    "russian_support",
                    "As 2022-Q1: no confirmed partner arms supplies reported by June 2022.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "pressure",
                    "The Istanbul track lapses after April 2022; no serious mediation: 0.1.",
                ),
                (
                    "tolerance",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "losses",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "ua_losses",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "escalation",
                    "HIMARS supplied (Jun 2022) despite warnings; no clash followed: 0.35.",
                ),
                (
                    "aims",
                    "Judgement: after the withdrawal from the north and Bucha the talks lapse; Kyiv seeks at least the lines of 24 Feb: 0.7.",
                ),
                (
                    "russian_aims",
                    "Judgement: Moscow installs occupation authorities in Kherson and Zaporizhzhia and talks of referendums: 0.95.",
                ),
            ],
        },
        Quarter {
            label: "2022-Q3",
            date: "2022-09-30",
            inputs: Inputs {
                momentum: 0.6,
                attrition: 0.6,
                aid: 0.6,
                russian_support: 0.15,
                presence: 0.0,
                support_half_life: 48.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.75,
                ukraine_loss_tolerance: 0.85,
                escalation_propensity: 0.4,
                aims: 0.9,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "Kharkiv offensive: ~6,000 km² regained by mid-September (Zelensky); War Mapper +1.76 pts to Ukraine: a manoeuvre phase, +0.6.",
                ),
                (
                    "attrition",
                    "Judgement: fewer sustained assaults while Kyiv's Kharkiv and Kherson offensives run: 0.6.",
                ),
                (
                    "aid",
                    "Kiel (to 3 Oct 2022): US ~€52bn, EU states and institutions ~€29bn committed: 0.6.",
                ),
                (
                    "russian_support",
                    "Iranian Shahed drones in use from Aug 2022 (~400 delivered by mid-2023, CNN via Euromaidan): 0.15.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "pressure",
                    "Judgement: only the grain deal (Jul 2022) and prisoner swaps are mediated; no peace talks: 0.1.",
                ),
                (
                    "tolerance",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "losses",
                    "Partial mobilisation (~300,000) declared 21 Sep 2022 after the Kharkiv setback: Moscow adds forces rather than lowering aims: 0.75.",
                ),
                (
                    "ua_losses",
                    "As 2022-Q1: the Kharkiv success lifts morale.",
                ),
                (
                    "escalation",
                    "Putin says nuclear threats are 'not a bluff' (21 Sep 2022) with mobilisation and the annexation claim: 0.4.",
                ),
                (
                    "aims",
                    "Judgement: after Kharkiv, Kyiv applies for fast-track NATO membership and rules out talks with Putin (30 Sep 2022): 0.9.",
                ),
                (
                    "russian_aims",
                    "Moscow claims the annexation of four regions (30 Sep 2022), including land it does not hold: 1.0.",
                ),
            ],
        },
        Quarter {
            label: "2022-Q4",
            date: "2022-12-31",
            inputs: Inputs {
                momentum: 0.3,
                attrition: 0.65,
                aid: 0.6,
                russian_support: 0.2,
                presence: 0.0,
                support_half_life: 48.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.75,
                ukraine_loss_tolerance: 0.85,
                escalation_propensity: 0.4,
                aims: 1.0,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "War Mapper (Intellinews): Ukraine +0.42 pts in Oct, +0.64 in Nov (Kherson right bank), ~70 km² in Dec: the advance ends in a winter lull, +0.3.",
                ),
                (
                    "attrition",
                    "Judgement: Bakhmut assaults by Wagner and newly mobilised troops; strikes on the power grid from October: 0.65.",
                ),
                (
                    "aid",
                    "As 2022-Q3, plus a US Patriot battery pledged in Dec 2022 (judgement): 0.6.",
                ),
                (
                    "russian_support",
                    "Judgement: mass Shahed strikes on Ukraine's grid from Oct 2022; Iran the main outside supplier: 0.2.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "pressure",
                    "Kyiv's 10-point formula (15 Nov 2022) is one side's plan; no mediation between the sides: 0.1.",
                ),
                (
                    "tolerance",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "losses",
                    "As 2022-Q3: no change reported.",
                ),
                (
                    "ua_losses",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "escalation",
                    "Mass strikes on Ukraine's grid follow the Kerch bridge blast (Oct 2022); Przewodów (15 Nov) stays contained: 0.4.",
                ),
                (
                    "aims",
                    "10-point peace formula (15 Nov 2022): territorial integrity, full Russian withdrawal, justice: 1.0.",
                ),
                (
                    "russian_aims",
                    "As 2022-Q3: no change reported.",
                ),
            ],
        },
        Quarter {
            label: "2023-Q1",
            date: "2023-03-31",
            inputs: Inputs {
                momentum: -0.1,
                attrition: 0.65,
                aid: 0.7,
                russian_support: 0.2,
                presence: 0.0,
                support_half_life: 48.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.8,
                escalation_propensity: 0.35,
                aims: 1.0,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "ISW: Russia net ~234 km² in Feb 2023 as Bakhmut fighting goes on; Russia holds ~17% (Guardian/ISW, 19 Feb): a slow Russian edge, -0.1.",
                ),
                (
                    "attrition",
                    "UK MoD (Ukrainian General Staff data): 252,940 Russian casualties in 2023, ~690 a day; Bakhmut at its peak: 0.65.",
                ),
                (
                    "aid",
                    "Western main battle tanks agreed around 25 Jan 2023; commitments near their peak: 0.7.",
                ),
                (
                    "russian_support",
                    "As 2022-Q4: no change reported.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "pressure",
                    "UNGA ES-11/6 (23 Feb 2023) and China's position paper (Feb 2023) bring no talks: 0.1.",
                ),
                (
                    "tolerance",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "losses",
                    "Judgement: Wagner's convict recruits absorb heavy losses at Bakhmut with no visible political cost in Moscow: 0.8.",
                ),
                (
                    "ua_losses",
                    "Judgement: the volunteer pool thins as Bakhmut's cost mounts; mobilisation without major strain yet: 0.8.",
                ),
                (
                    "escalation",
                    "Western tanks (Jan 2023) cross a declared red line with no clash; Kyiv Post counts 24 Russian red-line warnings in 2022: 0.35.",
                ),
                (
                    "aims",
                    "As 2022-Q4: the formula stands.",
                ),
                (
                    "russian_aims",
                    "As 2022-Q3: no change reported.",
                ),
            ],
        },
        Quarter {
            label: "2023-Q2",
            date: "2023-06-30",
            inputs: Inputs {
                momentum: 0.05,
                attrition: 0.65,
                aid: 0.7,
                russian_support: 0.2,
                presence: 0.0,
                support_half_life: 48.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.8,
                escalation_propensity: 0.35,
                aims: 1.0,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "ISW via UNN: Ukraine net +377 km² in June as its counteroffensive starts; Russia takes Bakhmut in May: about even, +0.05.",
                ),
                (
                    "attrition",
                    "BBC/Mediazona: 24,470 Russian dead named by June 2023; Bakhmut falls and the counteroffensive begins: 0.65.",
                ),
                (
                    "aid",
                    "As 2023-Q1: deliveries continue ahead of the counteroffensive: 0.7.",
                ),
                (
                    "russian_support",
                    "CNN via Euromaidan: Shahed plant built at Alabuga; CAR (Jun 2023): Chinese parts found in Shaheds: 0.2.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "pressure",
                    "Judgement: an African leaders' mission visits both capitals (Jun 2023) without result: 0.1.",
                ),
                (
                    "tolerance",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "losses",
                    "Wagner mutiny (24 Jun 2023) ends within a day; Moscow's war aims unchanged: 0.8.",
                ),
                (
                    "ua_losses",
                    "As 2023-Q1: no change reported.",
                ),
                (
                    "escalation",
                    "As 2023-Q1: no change reported.",
                ),
                (
                    "aims",
                    "As 2022-Q4: the formula stands.",
                ),
                (
                    "russian_aims",
                    "As 2022-Q3: no change reported.",
                ),
            ],
        },
        Quarter {
            label: "2023-Q3",
            date: "2023-09-30",
            inputs: Inputs {
                momentum: 0.05,
                attrition: 0.6,
                aid: 0.7,
                russian_support: 0.25,
                presence: 0.0,
                support_half_life: 48.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.75,
                escalation_propensity: 0.35,
                aims: 1.0,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "ISW via UNN: Ukraine net +257 km² in July, +1.5 km² in Sept; the counteroffensive stalls short of its aims: +0.05.",
                ),
                (
                    "attrition",
                    "UK MoD (Oct 2023): Russia 240–290k killed and wounded to date; the counteroffensive is costly for both: 0.6.",
                ),
                (
                    "aid",
                    "Kiel (to 31 Jul 2023): Europe €156bn vs US ~€70bn committed; EU proposes a €50bn Ukraine Facility for 2024–27: 0.7.",
                ),
                (
                    "russian_support",
                    "Judgement: Kim Jong Un meets Putin at Vostochny (Sep 2023); North Korean shell deliveries begin around then: 0.25.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "Judgement: EU proposes a €50bn Ukraine Facility to 2027 (summer 2023); US support still bipartisan: 48.",
                ),
                (
                    "pressure",
                    "Judgement: talks on Kyiv's formula in Jeddah (Aug 2023) without Russia: 0.1.",
                ),
                (
                    "tolerance",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "losses",
                    "As 2023-Q2: no change reported.",
                ),
                (
                    "ua_losses",
                    "Judgement: counteroffensive losses; all regional draft chiefs dismissed over corruption (Aug 2023): 0.75.",
                ),
                (
                    "escalation",
                    "As 2023-Q1: no change reported.",
                ),
                (
                    "aims",
                    "As 2022-Q4: the formula stands.",
                ),
                (
                    "russian_aims",
                    "As 2022-Q3: no change reported.",
                ),
            ],
        },
        Quarter {
            label: "2023-Q4",
            date: "2023-12-31",
            inputs: Inputs {
                momentum: -0.1,
                attrition: 0.65,
                aid: 0.55,
                russian_support: 0.35,
                presence: 0.0,
                support_half_life: 36.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.7,
                escalation_propensity: 0.35,
                aims: 1.0,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "AFP/ISW: Russia gained 584 km² over all of 2023; its Avdiivka offensive runs from Oct 2023: a slow Russian edge, -0.1.",
                ),
                (
                    "attrition",
                    "UK MoD (Dec 2023): Russian daily casualties up ~300 a day on 2022; Avdiivka assaults: 0.65.",
                ),
                (
                    "aid",
                    "US supplemental stalls in Congress from Oct 2023; Kiel (Feb 2024) finds little new aid: 0.55.",
                ),
                (
                    "russian_support",
                    "North Korean shells flow (6,700 containers, possibly 3m+ shells by Feb 2024, RBC-Ukraine): 0.35.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "US supplemental blocked in Congress from Oct 2023: support looks less durable: 36.",
                ),
                (
                    "pressure",
                    "As 2023-Q3: no mediation between the sides reported.",
                ),
                (
                    "tolerance",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "losses",
                    "As 2023-Q2: recruitment by contract bonuses, no new mobilisation.",
                ),
                (
                    "ua_losses",
                    "Judgement: Zaluzhnyi calls the war a stalemate (Nov 2023); the army asks to mobilise up to 450–500k more (Dec 2023): 0.7.",
                ),
                (
                    "escalation",
                    "ATACMS used in occupied Ukraine (17 Oct 2023); Moscow's envoy calls it a 'grave mistake'; no clash: 0.35.",
                ),
                (
                    "aims",
                    "As 2022-Q4: the formula stands.",
                ),
                (
                    "russian_aims",
                    "As 2022-Q3: no change reported.",
                ),
            ],
        },
        Quarter {
            label: "2024-Q1",
            date: "2024-03-31",
            inputs: Inputs {
                momentum: -0.1,
                attrition: 0.7,
                aid: 0.45,
                russian_support: 0.35,
                presence: 0.0,
                support_half_life: 36.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.65,
                escalation_propensity: 0.35,
                aims: 1.0,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "ISW: Russia ~516 km² from 1 Jan to 29 Apr 2024 (Shoigu claims 403); Avdiivka taken in Feb: ~130 km²/month, -0.1.",
                ),
                (
                    "attrition",
                    "HRMMU: 10,582 civilians killed to Feb 2024; Avdiivka and follow-on assaults: 0.7.",
                ),
                (
                    "aid",
                    "Kiel (to 29 Feb 2024): allocations Europe €89.9bn vs US €67bn; no new US funds while the supplemental stalls: 0.45.",
                ),
                (
                    "russian_support",
                    "RBC-Ukraine (27 Feb 2024): 6,700 North Korean containers, possibly 3m+ 152mm shells: 0.35.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "As 2023-Q4: the supplemental is still blocked.",
                ),
                (
                    "pressure",
                    "As 2023-Q3: no mediation between the sides reported.",
                ),
                (
                    "tolerance",
                    "As 2022-Q1: no change reported.",
                ),
                (
                    "losses",
                    "As 2023-Q2: recruitment by contract bonuses, no new mobilisation.",
                ),
                (
                    "ua_losses",
                    "Judgement: the mobilisation bill is debated for months; rotation and demobilisation unresolved: 0.65.",
                ),
                (
                    "escalation",
                    "Kyiv Post: 15 Russian red-line warnings in 2023, none followed by a clash with NATO: 0.35.",
                ),
                (
                    "aims",
                    "As 2022-Q4: the formula stands; Kyiv prepares a summit on it.",
                ),
                (
                    "russian_aims",
                    "As 2022-Q3: no change reported.",
                ),
            ],
        },
        Quarter {
            label: "2024-Q2",
            date: "2024-06-30",
            inputs: Inputs {
                momentum: -0.15,
                attrition: 0.75,
                aid: 0.55,
                russian_support: 0.4,
                presence: 0.0,
                support_half_life: 36.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.6,
                escalation_propensity: 0.35,
                aims: 1.0,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "AFP/ISW: Russia gained 449 km² in May and ~1,250 km² Jan–Jul 2024; Kharkiv push from May: ~200 km²/month, -0.15.",
                ),
                (
                    "attrition",
                    "UK MoD: Russian casualties averaged 1,262 a day in May 2024, a record then (Ukrainian General Staff data): 0.75.",
                ),
                (
                    "aid",
                    "US supplemental (~$61bn) signed 24 Apr 2024; deliveries resume by the quarter's end: 0.55.",
                ),
                (
                    "russian_support",
                    "Putin and Kim sign a mutual-defence treaty (June 2024); North Korean KN-23 missiles in use: 0.4.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "Judgement: the US supplemental passes (Apr 2024) after a six-month delay: support renewed but fragile: 36.",
                ),
                (
                    "pressure",
                    "Swiss peace summit (15–16 Jun 2024) without Russia; China–Brazil six points (23 May): 0.1.",
                ),
                (
                    "tolerance",
                    "Putin (14 Jun 2024): Ukraine to be non-aligned and demilitarised: 0.",
                ),
                (
                    "losses",
                    "As 2023-Q2: no change reported.",
                ),
                (
                    "ua_losses",
                    "Mobilisation age lowered from 27 to 25 (Apr 2024); the new mobilisation law takes effect in May: 0.6.",
                ),
                (
                    "escalation",
                    "As 2024-Q1: no change reported.",
                ),
                (
                    "aims",
                    "Swiss summit (15–16 Jun 2024) built on Kyiv's formula; Kyiv rejects Putin's terms of 14 Jun: 1.0.",
                ),
                (
                    "russian_aims",
                    "Putin (14 Jun 2024): Ukraine leaves all four regions and drops NATO; demilitarisation, sanctions lifted: 1.0.",
                ),
            ],
        },
        Quarter {
            label: "2024-Q3",
            date: "2024-09-30",
            inputs: Inputs {
                momentum: -0.2,
                attrition: 0.8,
                aid: 0.55,
                russian_support: 0.4,
                presence: 0.0,
                support_half_life: 36.0,
                pressure: 0.1,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.6,
                escalation_propensity: 0.35,
                aims: 0.9,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "AFP/ISW: Russia ~1,136 km² (Jul ~200, Aug 477, Sep 459); Ukraine holds up to ~1,300 km² in Kursk (Aug): -0.25 by the rule, -0.2 for Kursk.",
                ),
                (
                    "attrition",
                    "UK MoD: a new record of 1,271 Russian casualties a day in Sept 2024; Kursk adds a front: 0.8.",
                ),
                (
                    "aid",
                    "First F-16s arrive (Aug 2024); US aid flows under the April law: 0.55.",
                ),
                (
                    "russian_support",
                    "Seoul via Kyiv Independent (27 Aug 2024): 13,000+ containers, possibly 6m+ shells; KN-23 missiles in use: 0.4.",
                ),
                (
                    "presence",
                    "As 2022-Q1: no post-ceasefire Western force proposed.",
                ),
                (
                    "staying",
                    "As 2024-Q2: no change reported.",
                ),
                (
                    "pressure",
                    "China–Brazil 'Friends of Peace' launched (27 Sep 2024); no talks between the sides: 0.1.",
                ),
                (
                    "tolerance",
                    "As 2024-Q2: no change reported.",
                ),
                (
                    "losses",
                    "As 2023-Q2: no change reported.",
                ),
                (
                    "ua_losses",
                    "As 2024-Q2: manpower strain persists.",
                ),
                (
                    "escalation",
                    "F-16s (Aug 2024) and the Kursk incursion (from 6 Aug 2024) draw no NATO–Russia clash: 0.35.",
                ),
                (
                    "aims",
                    "Judgement: the Kursk incursion (Aug 2024) is read as bargaining leverage; the formula stays: 0.9.",
                ),
                (
                    "russian_aims",
                    "As 2024-Q2: no change reported.",
                ),
            ],
        },
        Quarter {
            label: "2024-Q4",
            date: "2024-12-31",
            inputs: Inputs {
                momentum: -0.4,
                attrition: 0.9,
                aid: 0.55,
                russian_support: 0.5,
                presence: 0.0,
                support_half_life: 30.0,
                pressure: 0.2,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.6,
                escalation_propensity: 0.4,
                aims: 0.8,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "AFP/ISW: Russia ~1,800 km² (Oct 610, Nov 725, Dec 465), its fastest since March 2022; 3,985 km² in 2024: ~600/month, -0.4.",
                ),
                (
                    "attrition",
                    "UK MoD: Dec 2024 the costliest month so far, 1,570 Russian casualties a day; 429,660 in 2024 vs 252,940 in 2023: 0.9.",
                ),
                (
                    "aid",
                    "Kiel (to Feb 2025): allocations Europe €138bn vs US €115bn; Washington draws down remaining funds before Jan 2025: 0.55.",
                ),
                (
                    "russian_support",
                    "MENAFN (Nov 2024): 10–12k North Korean troops in Kursk, part of ~50k forces massed there: 0.5.",
                ),
                (
                    "presence",
                    "Zelensky (Sky News, 29 Nov 2024) asks for NATO cover of held land, not a foreign force; none proposed yet: 0.",
                ),
                (
                    "staying",
                    "Judgement: Trump elected (Nov 2024) pledging a quick end to the war; Europe's €50bn facility runs to 2027: 30.",
                ),
                (
                    "pressure",
                    "Trump elected pledging a quick end; Kellogg named envoy (late Nov 2024, VOA): pressure expected, not yet applied: 0.2.",
                ),
                (
                    "tolerance",
                    "As 2024-Q2: no change reported.",
                ),
                (
                    "losses",
                    "UK MoD: 429,660 Russian casualties in 2024 (Ukrainian General Staff data) with no general mobilisation: 0.8.",
                ),
                (
                    "ua_losses",
                    "Zelensky (Dec 2024): 43,000 Ukrainian soldiers killed, 370,000 wounded; manpower short at the front: 0.6.",
                ),
                (
                    "escalation",
                    "ATACMS and Storm Shadow strike Russia (Nov 2024); Moscow answers with Oreshnik on Dnipro (21 Nov) and a revised nuclear doctrine: 0.4.",
                ),
                (
                    "aims",
                    "Victory plan (16 Oct 2024): no freeze, no land for peace; Zelensky (Sky News, 29 Nov): NATO cover for held land first: 0.8.",
                ),
                (
                    "russian_aims",
                    "As 2024-Q2: no change reported.",
                ),
            ],
        },
        Quarter {
            label: "2025-Q1",
            date: "2025-03-31",
            inputs: Inputs {
                momentum: -0.25,
                attrition: 0.85,
                aid: 0.5,
                russian_support: 0.5,
                presence: 3.0,
                support_half_life: 24.0,
                pressure: 0.6,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.5,
                escalation_propensity: 0.35,
                aims: 0.5,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "DeepState: Russia 325 km² (Jan), 133 (Mar); ISW ~984 km² for the quarter; Russia also retakes most of the Kursk salient: -0.25.",
                ),
                (
                    "attrition",
                    "UK MoD (Mar 2025): ~900k Russian casualties, up to 250k killed; judgement: rates stay near the late-2024 peak: 0.85.",
                ),
                (
                    "aid",
                    "Kiel: last US package 9 Jan 2025, none after 20 Jan; US aid and intelligence paused until 11 Mar; Europe offsets part: 0.5.",
                ),
                (
                    "russian_support",
                    "As 2024-Q4: North Korean troops fight in Kursk; shells keep coming: 0.5.",
                ),
                (
                    "presence",
                    "Lancaster House summit (2 Mar 2025); 30+ states move to operational planning (15 Mar) of a reassurance force: 3.",
                ),
                (
                    "staying",
                    "Kiel: no new US aid after 20 Jan 2025; Hegseth (12 Feb 2025): pre-2014 borders 'unrealistic': 24.",
                ),
                (
                    "pressure",
                    "Riyadh (18 Feb 2025), the Oval Office clash and US aid pause (to 11 Mar), Jeddah (11 Mar): strong US pressure, heaviest on Kyiv: 0.6.",
                ),
                (
                    "tolerance",
                    "Judgement: Moscow rejects the coalition's planned force as NATO troops under another name (Mar 2025): 0.",
                ),
                (
                    "losses",
                    "As 2024-Q4: no change reported.",
                ),
                (
                    "ua_losses",
                    "Zelensky (Feb 2025): over 46,000 soldiers killed; a contract scheme for 18–24-year-olds (Feb 2025): 0.5.",
                ),
                (
                    "escalation",
                    "Judgement: no new red-line test after Nov 2024; talks open with Washington: 0.35.",
                ),
                (
                    "aims",
                    "Jeddah (11 Mar 2025): Kyiv accepts a 30-day ceasefire on the line if Russia reciprocates: 0.5.",
                ),
                (
                    "russian_aims",
                    "Putin (18 Mar 2025) rejects a full 30-day ceasefire and demands an end to foreign military and intelligence aid: 1.0.",
                ),
            ],
        },
        Quarter {
            label: "2025-Q2",
            date: "2025-06-30",
            inputs: Inputs {
                momentum: -0.3,
                attrition: 0.9,
                aid: 0.5,
                russian_support: 0.5,
                presence: 3.0,
                support_half_life: 24.0,
                pressure: 0.5,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.5,
                escalation_propensity: 0.35,
                aims: 0.5,
                russian_aims: 1.0,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "DeepState via Reuters (weak mirror): Russia ~1,270–1,320 km² (Apr ~200, May 538, Jun 556): ~430 km²/month, -0.3.",
                ),
                (
                    "attrition",
                    "CSIS (Jun 2025): Russia ~950k casualties (250k dead), Ukraine ~400k; summer offensive: 0.9.",
                ),
                (
                    "aid",
                    "Kiel: European military aid in 2025 up 67% on its 2022–24 average, offsetting much of the US stop: 0.5.",
                ),
                (
                    "russian_support",
                    "As 2025-Q1: no change reported.",
                ),
                (
                    "presence",
                    "As 2025-Q1: coalition planning continues; no change in the rung.",
                ),
                (
                    "staying",
                    "As 2025-Q1: no new US appropriations: 24.",
                ),
                (
                    "pressure",
                    "Three direct Istanbul rounds (May–Jul 2025) yield only prisoner swaps; US pressure eases: 0.5.",
                ),
                (
                    "tolerance",
                    "Istanbul memorandum (2 Jun 2025): neutrality and no foreign troops in Ukraine: 0.",
                ),
                (
                    "losses",
                    "As 2024-Q4: no change reported.",
                ),
                (
                    "ua_losses",
                    "CSIS (Jun 2025): Ukraine ~400k casualties, 60–100k dead: 0.5.",
                ),
                (
                    "escalation",
                    "As 2025-Q1: no change reported.",
                ),
                (
                    "aims",
                    "Umerov (Istanbul, 2 Jun 2025): Kyiv proposes a 90-day ceasefire and an all-for-all prisoner exchange: 0.5.",
                ),
                (
                    "russian_aims",
                    "Istanbul memorandum (2 Jun 2025): recognition of Crimea and four regions, neutrality, army caps, sanctions lifted: 1.0.",
                ),
            ],
        },
        Quarter {
            label: "2025-Q3",
            date: "2025-09-30",
            inputs: Inputs {
                momentum: -0.3,
                attrition: 0.9,
                aid: 0.45,
                russian_support: 0.5,
                presence: 3.0,
                support_half_life: 24.0,
                pressure: 0.6,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.5,
                escalation_propensity: 0.4,
                aims: 0.5,
                russian_aims: 0.75,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "DeepState: Russia ~1,287 km² (Jul 564, Aug 464, Sep 259); occupied share 19.04%: ~430 km²/month, -0.3.",
                ),
                (
                    "attrition",
                    "BBC/Mediazona (8 Aug 2025): 122,883 Russian dead named; 2025 their deadliest year: 0.9.",
                ),
                (
                    "aid",
                    "Kiel/Statista: Jul–Aug 2025 military aid 43% below the first-half monthly average; PURL adds €1.9bn: 0.45.",
                ),
                (
                    "russian_support",
                    "South Korean DIA (13 Jul 2025): 28,000 containers, possibly 12m+ shells, ~13k troops; SBU: ~50,000 Shahed-type drones launched: 0.5.",
                ),
                (
                    "presence",
                    "Multinational Force Ukraine HQ set up (10 Jul 2025); 26 states pledge a post-ceasefire presence (4 Sep 2025): 3.",
                ),
                (
                    "staying",
                    "As 2025-Q1: PURL sales replace US grants; no new US appropriations: 24.",
                ),
                (
                    "pressure",
                    "Alaska summit (15 Aug 2025) and the White House meeting with European leaders (18 Aug): 0.6.",
                ),
                (
                    "tolerance",
                    "Putin (5 Sep 2025): Western troops in Ukraine would be 'legitimate targets': 0.",
                ),
                (
                    "losses",
                    "As 2024-Q4: no change reported.",
                ),
                (
                    "ua_losses",
                    "As 2025-Q2: no change reported.",
                ),
                (
                    "escalation",
                    "Russian drones over Poland (9–10 Sep 2025) and MiG-31s in Estonian airspace (19 Sep): probing without a clash: 0.4.",
                ),
                (
                    "aims",
                    "As 2025-Q2: ceasefire first; Zelensky (Axios): Kyiv will never recognise occupied land as Russian: 0.5.",
                ),
                (
                    "russian_aims",
                    "Alaska (15 Aug 2025): the 'Anchorage formula', later described as all of Donbas with the other lines frozen: 0.75.",
                ),
            ],
        },
        Quarter {
            label: "2025-Q4",
            date: "2025-12-31",
            inputs: Inputs {
                momentum: -0.3,
                attrition: 0.85,
                aid: 0.55,
                russian_support: 0.5,
                presence: 3.0,
                support_half_life: 36.0,
                pressure: 0.7,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.5,
                escalation_propensity: 0.35,
                aims: 0.4,
                russian_aims: 0.75,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "DeepState: Russia 505 km² in Nov, Dec similar; 4,336 km² in 2025 leaves ~1,100–1,400 km² for the quarter: -0.3.",
                ),
                (
                    "attrition",
                    "HRMMU: 2,514 civilians killed in 2025, the most since 2022; Mediazona: 2025 the deadliest year; Russian gains slow: 0.85.",
                ),
                (
                    "aid",
                    "EU agrees a €90bn loan for 2026–27 (19 Dec 2025); US NDAA: $800m USAI; Kiel: 2025 military aid 13% below 2022–24: 0.55.",
                ),
                (
                    "russian_support",
                    "As 2025-Q3: no change reported.",
                ),
                (
                    "presence",
                    "As 2025-Q3: no change reported.",
                ),
                (
                    "staying",
                    "EU €90bn loan for 2026–27 (19 Dec 2025) and US NDAA USAI funds to FY27: 36.",
                ),
                (
                    "pressure",
                    "US sanctions on Rosneft and Lukoil (22 Oct 2025); 28-point plan (20 Nov) and Geneva revision: 0.7.",
                ),
                (
                    "tolerance",
                    "As 2025-Q3: no change reported; the 28-point plan also bars NATO troops: 0.",
                ),
                (
                    "losses",
                    "BBC/Mediazona: 2025 the deadliest year, still no general mobilisation; Putin (27 Dec 2025): aims to be met by force if needed: 0.8.",
                ),
                (
                    "ua_losses",
                    "As 2025-Q2: no change reported.",
                ),
                (
                    "escalation",
                    "Judgement: no airspace incident of September's scale found for Q4 2025: 0.35.",
                ),
                (
                    "aims",
                    "Zelensky backs a stop on the battle line (Oct), rejects ceding Donbas (Nov), could drop the NATO bid for guarantees (Dec): 0.4.",
                ),
                (
                    "russian_aims",
                    "Peskov (29 Dec 2025): Ukraine must leave Donbas; no comment on Kherson/Zaporizhzhia, frozen in the 28-point plan: 0.75.",
                ),
            ],
        },
        Quarter {
            label: "2026-Q1",
            date: "2026-03-31",
            inputs: Inputs {
                momentum: 0.0,
                attrition: 0.8,
                aid: 0.55,
                russian_support: 0.5,
                presence: 3.0,
                support_half_life: 36.0,
                pressure: 0.6,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.5,
                escalation_propensity: 0.35,
                aims: 0.4,
                russian_aims: 0.75,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "DeepState: Russian gross gains 245 km² (Jan), 126 (Feb); Ukraine regains ~300 km² in the south (Zelensky, 21 Feb); RFE/RL: first net Russian loss: 0.0.",
                ),
                (
                    "attrition",
                    "CSIS (27 Jan 2026): Russia 1.2m casualties, Ukraine 500–600k; DeepState: assaults down 4% in January: 0.8.",
                ),
                (
                    "aid",
                    "The €90bn EU loan covers 2026; no Kiel update for 2026 found: 0.55.",
                ),
                (
                    "russian_support",
                    "As 2025-Q3: no change reported.",
                ),
                (
                    "presence",
                    "Paris Declaration (6 Jan 2026): UK–France–Ukraine intent to deploy a multinational force at 'military hubs' after a ceasefire: 3.",
                ),
                (
                    "staying",
                    "As 2025-Q4: no change reported.",
                ),
                (
                    "pressure",
                    "Trilateral rounds in Abu Dhabi (Jan, Feb 2026) and Geneva (17–18 Feb); US sets a June 2026 deadline: 0.6.",
                ),
                (
                    "tolerance",
                    "Foreign Ministry (2 Feb 2026): any foreign contingents in Ukraine would be 'legitimate targets': 0.",
                ),
                (
                    "losses",
                    "CSIS (Jan 2026): 275–325k Russian dead, ~6,000 officially acknowledged; no mobilisation: 0.8.",
                ),
                (
                    "ua_losses",
                    "CSIS (27 Jan 2026): Ukraine 500–600k casualties, up to 140k dead: 0.5.",
                ),
                (
                    "escalation",
                    "Foreign Ministry (2 Feb 2026): foreign contingents would be 'legitimate targets'; no clash: 0.35.",
                ),
                (
                    "aims",
                    "Zelensky (16 Feb 2026): no ceding Donbas; seeks 30–50-year guarantees: 0.4.",
                ),
                (
                    "russian_aims",
                    "Ushakov (22 Jan 2026), Peskov (9 Feb): territory to be settled by the 'Anchorage formula' (all Donbas): 0.75.",
                ),
            ],
        },
        Quarter {
            label: "2026-Q2",
            date: "2026-06-30",
            inputs: Inputs {
                momentum: 0.05,
                attrition: 0.8,
                aid: 0.55,
                russian_support: 0.5,
                presence: 3.0,
                support_half_life: 36.0,
                pressure: 0.6,
                tolerance: 0.0,
                loss_tolerance: 0.8,
                ukraine_loss_tolerance: 0.5,
                escalation_propensity: 0.35,
                aims: 0.4,
                russian_aims: 0.75,
                horizon: 12.0,
                uncertainty: 0.5,
            },
            sources: &[
                (
                    "momentum",
                    "ISW: Russia net -116 km² in April 2026; DeepState: Russian gross 14 km² in May, 84 in June, Ukraine net positive both months: +0.05.",
                ),
                (
                    "attrition",
                    "DeepState: Russian assaults up 37.5% in May 2026 (over 7,000) for little ground: losses stay high, 0.8.",
                ),
                (
                    "aid",
                    "As 2026-Q1: no change reported.",
                ),
                (
                    "russian_support",
                    "As 2025-Q3: no change reported.",
                ),
                (
                    "presence",
                    "As 2026-Q1: no change reported.",
                ),
                (
                    "staying",
                    "As 2025-Q4: no change reported.",
                ),
                (
                    "pressure",
                    "Kyiv invites Moscow to talks (4 Jun 2026), Putin declines at the St Petersburg forum; the US June deadline stands: 0.6.",
                ),
                (
                    "tolerance",
                    "As 2026-Q1: no change reported.",
                ),
                (
                    "losses",
                    "As 2026-Q1: no change reported.",
                ),
                (
                    "ua_losses",
                    "As 2026-Q1: no change reported.",
                ),
                (
                    "escalation",
                    "As 2026-Q1: no change reported.",
                ),
                (
                    "aims",
                    "Zelensky (Sky News, ~Jun 2026): ready to freeze the current lines without recognition: 0.4.",
                ),
                (
                    "russian_aims",
                    "As 2026-Q1: no new terms reported; Putin declines Kyiv's June invitation to talks: 0.75.",
                ),
            ],
        },
    ]
}
