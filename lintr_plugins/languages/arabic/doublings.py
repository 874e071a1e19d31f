"""Arabic words written twice on purpose: what the doubled-word rule does not report."""

from __future__ import annotations

DOUBLINGS = frozenset(
    {
        # Reduplication for emphasis or gradualness: "little by little", "slowly".
        "رويدا رويدا",
        "شيئا شيئا",
        "قليلا قليلا",
        "يوما يوما",
        "خطوة خطوة",
        # Religious texts: "الله الله في أصحابي" (hadith), "دكا دكا" and "صفا صفا" (Qur'an
        # 89:21-22).
        "الله الله",
        "دكا دكا",
        "صفا صفا",
    }
)
