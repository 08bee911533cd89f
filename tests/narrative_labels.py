"""Hand-labelled links for the seed documents: sentence index -> the indicators a careful analyst would link.

Indices count the sentences of each seed's narrative as ocindex.narratives.cleaning segments them (the seed texts
themselves stay in ../shared/seeds). Labelled by reading each sentence, not by running the linker.
"""

SEED_000 = "000_3ac577c9c8dca770.txt"  # Peru 2021 GI-TOC profile
SEED_002 = "002_a16c328f17254015.txt"  # third-party summary of the 2023 profile
SEED_003 = "003_255e220d3644c03a.txt"  # third-party article on the 2023 profile

HT, HS = "human-trafficking", "human-smuggling"
ARMS, FLORA, FAUNA, NRRC = "arms-trafficking", "flora-crimes", "fauna-crimes", "non-renewable-resource-crimes"
HEROIN, COCAINE, CANNABIS, SYNTH = "heroin-trade", "cocaine-trade", "cannabis-trade", "synthetic-drug-trade"
MAFIA, NETWORKS, STATE, FOREIGN = "mafia-style-groups", "criminal-networks", "state-embedded-actors", "foreign-actors"
PLG, GTA = "political-leadership-and-governance", "government-transparency-and-accountability"
IC, NPL = "international-cooperation", "national-policies-and-laws"
JSD, LE, TI = "judicial-system-and-detention", "law-enforcement", "territorial-integrity"
AML, ERC = "anti-money-laundering", "economic-regulatory-capacity"
VWS, PREV, NSA = "victim-and-witness-support", "prevention", "non-state-actors"

LABELS = {
    SEED_000: {
        0: {HT}, 1: {HT}, 2: {HT}, 3: {HT}, 4: {HS}, 5: {HS}, 6: {HS},
        7: {ARMS}, 8: {ARMS}, 9: {ARMS},
        10: {FLORA}, 11: {FLORA}, 12: {FAUNA}, 13: {FAUNA}, 14: {FAUNA}, 15: {NRRC}, 16: {NRRC},
        17: {HEROIN}, 18: {HEROIN}, 19: {COCAINE}, 20: {COCAINE}, 21: {COCAINE}, 22: {CANNABIS}, 23: {CANNABIS},
        24: {SYNTH},
        25: {MAFIA, NETWORKS}, 26: {MAFIA}, 27: {NETWORKS, FOREIGN}, 28: {STATE}, 29: {FOREIGN},
        30: {PLG, GTA}, 31: {PLG, GTA}, 32: {GTA}, 33: {NPL, PLG, GTA}, 34: {NPL}, 35: {IC}, 36: {NPL},
        37: {JSD}, 38: {JSD}, 39: {LE}, 40: {JSD}, 41: {TI}, 42: {TI},
        43: {AML}, 44: {AML}, 45: {AML}, 46: {ERC},
        47: {VWS}, 48: {VWS}, 49: {NSA}, 50: {NSA},
    },
    SEED_002: {
        0: set(), 1: set(), 2: {STATE}, 3: {FOREIGN}, 4: {NPL}, 5: {GTA, PLG}, 6: {LE, JSD}, 7: {NPL}, 8: {GTA},
        9: {LE, IC}, 10: {VWS, NSA}, 11: set(), 12: {GTA, LE, IC}, 13: set(), 14: set(), 15: set(),
        16: {GTA, LE, IC},
    },
    SEED_003: {
        0: {STATE, FLORA}, 1: {GTA}, 2: {MAFIA}, 3: {MAFIA, FLORA}, 4: {FOREIGN}, 5: {PLG}, 6: {PLG, GTA, STATE},
        7: {JSD, GTA}, 8: {IC}, 9: {NPL}, 10: {JSD}, 11: {LE}, 12: {LE}, 13: {AML}, 14: {ERC}, 15: {VWS},
        16: {VWS}, 17: {PREV}, 18: {NSA}, 19: {NSA, FLORA, NRRC}, 20: {NSA}, 21: {PLG}, 22: {NSA},
    },
}
