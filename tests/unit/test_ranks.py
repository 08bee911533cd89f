import pandas as pd

from ocindex.ranks import official_rank, ordinal, rank_phrase


def test_ties_share_the_best_place_and_the_next_place_is_skipped():
    assert official_rank(pd.Series([9.0, 8.5, 8.5, 7.0])).tolist() == [1, 2, 2, 4]


def test_binary_noise_does_not_split_a_published_tie():
    assert official_rank(pd.Series([6.35, 6.3500000000001, 6.0])).tolist() == [1, 1, 3]


def test_ranks_within_groups():
    scores = pd.Series([5.0, 6.0, 5.0, 7.0])
    groups = pd.Series(["a", "a", "b", "b"])
    assert official_rank(scores, [groups]).tolist() == [2, 1, 2, 1]


def test_ordinals_read_as_published():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 26, 101, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "26th", "101st", "111th", "112th"]
    assert rank_phrase(5, 12, "South America") == "5th of 12 in South America"
