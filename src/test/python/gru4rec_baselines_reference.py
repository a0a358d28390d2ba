"""Independent pure-Python reference for the POP, S-POP and Item-KNN baselines (formulas of GRU4Rec's
baselines.py, github.com/hidasib/GRU4Rec), evaluated with Recall@k / MRR@k in the standard and conservative
tie modes over the training catalogue. Deliberately naive (dicts, double precision, literal scores).

usage: python3 gru4rec_baselines_reference.py TRAIN.tsv TEST.tsv [k]
"""
import math
import sys
from collections import defaultdict


def read_sessions(path):
    rows = defaultdict(list)
    order = []
    with open(path) as f:
        next(f)
        for line in f:
            sid, iid, t = line.rstrip('\n').split('\t')
            if sid not in rows:
                order.append(sid)
            rows[sid].append((float(t), int(iid)))
    return [[i for _, i in sorted(rows[s], key=lambda r: r[0])] for s in order]


def pop_scores(train, top_n=100):
    supp = defaultdict(int)
    for s in train:
        for i in s:
            supp[i] += 1
    top = sorted(supp, key=lambda i: (-supp[i], i))[:top_n]
    return supp, {i: supp[i] / (supp[i] + 1.0) for i in top}


def knn_sims(train, supp, n_sims=100, lmbd=20.0, alpha=0.5):
    sessions_of = defaultdict(list)          # item -> one entry per click (session index)
    for si, s in enumerate(train):
        for i in s:
            sessions_of[i].append(si)
    distinct = [set(s) for s in train]
    sims = {}
    for i, sess in sessions_of.items():
        c = defaultdict(int)
        for si in sess:                      # every click of i ...
            for j in distinct[si]:           # ... adds 1 per distinct item of its session
                c[j] += 1
        c.pop(i, None)
        s = {j: cij / (math.pow(supp[i] + lmbd, alpha) * math.pow(supp[j] + lmbd, 1 - alpha))
             for j, cij in c.items()}
        sims[i] = dict(sorted(s.items(), key=lambda kv: (-kv[1], kv[0]))[:n_sims])
    return sims


def evaluate(score_fn, test, catalogue, k):
    n = rec = rec_c = mrr = mrr_c = 0.0
    for s in test:
        for p in range(1, len(s)):
            scores = score_fn(s[:p])
            t = scores.get(s[p], 0.0)
            higher = sum(1 for i in catalogue if scores.get(i, 0.0) > t)
            at_least = sum(1 for i in catalogue if scores.get(i, 0.0) >= t)
            std, cons = higher + 1, at_least
            n += 1
            if std <= k:
                rec += 1
                mrr += 1.0 / std
            if cons <= k:
                rec_c += 1
                mrr_c += 1.0 / cons
    return rec / n, mrr / n, rec_c / n, mrr_c / n, int(n)


def main():
    train, test = read_sessions(sys.argv[1]), read_sessions(sys.argv[2])
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    supp, pop = pop_scores(train)
    catalogue = sorted(supp)
    test = [[i for i in s if i in supp] for s in test]
    sims = knn_sims(train, supp)

    def spop(prefix):
        scores = dict(pop)
        for i in prefix:
            scores[i] = scores.get(i, 0.0) + 1.0
        return scores

    for name, fn in (('pop', lambda prefix: pop), ('spop', spop), ('itemknn', lambda prefix: sims.get(prefix[-1], {}))):
        r = evaluate(fn, test, catalogue, k)
        print('%-8s recall=%.6f mrr=%.6f recall_cons=%.6f mrr_cons=%.6f prefixes=%d' % ((name,) + r))


if __name__ == '__main__':
    main()
