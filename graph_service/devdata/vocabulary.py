"""The words generated records are made of: people's names, subjects, title words, countries,
arXiv categories."""

from __future__ import annotations

COUNTRIES = ["US", "CN", "GB", "DE", "JP", "FR", "IN", "CA", "IT", "AU", "KR", "ES", "NL", "BR"]
INSTITUTION_TYPES = ["education"] * 7 + ["facility", "company", "healthcare", "government"]


def _words(text: str) -> list[str]:
    return text.split()


# The arXiv categories generated papers are in (by their first topic's subfield).
CATEGORIES = _words(
    """
    cs.LG cs.CV cs.CL cs.SE cs.CR cs.AI cs.DB cs.DC stat.ML math.OC math.PR math.ST q-bio.GN
    q-bio.NC physics.soc-ph physics.comp-ph cond-mat.mtrl-sci astro-ph.GA astro-ph.CO econ.EM
    q-fin.ST eess.SP eess.IV quant-ph
    """
)

GIVEN = _words(
    """
    Ada Alan Ana Ben Carla Chen Dan Elena Emma Farid Grace Hana Ian Ines Jun Kai Lara Lei
    Marco Maria Mei Nadia Noah Omar Priya Ravi Rosa Sam Sara Tariq Theo Uma Victor Wei Yara
    Yusuf Zoe
    """
)

FAMILY = _words(
    """
    Abe Bauer Costa Dubois Evans Fischer Garcia Gupta Hansen Ito Jensen Kim Kowalski Li
    Lopez Martin Meyer Moreau Nakamura Nguyen Novak Okafor Park Patel Petrov Rossi Santos
    Schmidt Silva Singh Smith Tanaka Wang Weber Wu Yamamoto Zhang Zhou
    """
)

WORDS = _words(
    """
    adaptive scalable robust efficient sparse hierarchical probabilistic federated causal
    contrastive neural graph temporal spatial latent multimodal distributed stochastic
    interpretable generative variational bayesian dynamic structured
    """
)

NOUNS = _words(
    """
    models networks representations inference estimation learning analysis dynamics
    optimization retrieval embeddings transformers sampling signals systems mechanisms
    """
)

SUBJECTS = _words(
    """
    Ecology Genomics Climate Materials Robotics Language Vision Finance Epidemiology Energy
    Chemistry Neuroscience Astronomy Economics Education Oceans Proteins Cities Networks
    Policy Agriculture Catalysis Quantum Health
    """
)
