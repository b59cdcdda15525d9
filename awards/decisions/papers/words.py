"""An amount of money written in words, as a decision writes its total: 1.410.000 → "Một triệu bốn trăm mười
nghìn đồng" (the reading used on Vietnamese accounting papers: "linh" for a missing ten, "mốt", "lăm")."""

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SCALES = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]


def _three(number: int, full: bool) -> list[str]:
    """Words of 0–999; `full`: a group after a higher one ("không trăm linh năm")."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if full or hundreds:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def number_words(number: int) -> str:
    """A whole number from 0 below 10^18 in words, lower case ("một triệu bốn trăm mười nghìn")."""
    if not 0 <= number < 10**18:
        raise ValueError("number out of range")
    if number == 0:
        return DIGITS[0]
    groups = []
    while number:
        groups.append(number % 1000)
        number //= 1000
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        words += _three(group, full=bool(words))
        if SCALES[index]:
            words.append(SCALES[index])
    return " ".join(words)


def money_words(amount: int) -> str:
    """ "Một triệu bốn trăm mười nghìn đồng" (capitalised, as written in brackets after the figure)."""
    text = f"{number_words(amount)} đồng"
    return text[:1].upper() + text[1:]
