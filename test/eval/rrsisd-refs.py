# Generates rrsisd-refs.json: refs in the shape of RRSIS-D's refs(unc).p and that list
# pickled by Python at protocols 2 and 4 (base64), for the RRSIS-D reader test, which
# writes the matching instances.json itself.  Run: python rrsisd-refs.py > rrsisd-refs.json
import base64
import json
import pickle


def ref(ref_id, image_id, ann_id, category_id, split, sentences):
    return {
        'image_id': image_id, 'split': split, 'ann_id': ann_id, 'ref_id': ref_id, 'category_id': category_id,
        'file_name': '%05d.jpg' % image_id,
        'sent_ids': list(range(ref_id * 10, ref_id * 10 + len(sentences))),
        'sentences': [{'tokens': s.split(), 'raw': s, 'sent_id': ref_id * 10 + k, 'sent': s.lower()} for k, s in enumerate(sentences)],
    }


refs = [
    ref(0, 1, 100, 1, 'train', ['the airplane on the left']),
    ref(1, 1, 101, 2, 'test', ['The ship at the top']),
    ref(2, 2, 102, 1, 'test', ['a gray airplane', 'the airplane in the middle']),
    ref(3, 3, 103, 2, 'val', ['the ship near the bridge']),
    ref(4, 2, 999, 1, 'test', ['an airplane with no annotation']),
    ref(5, 4, 104, 2, 'testB', ['the ship in the polygon image']),
]
print(json.dumps({
    'refs': refs,
    'pickle_protocol_2': base64.b64encode(pickle.dumps(refs, protocol=2)).decode(),
    'pickle_protocol_4': base64.b64encode(pickle.dumps(refs, protocol=4)).decode(),
}))
