import json,sys,glob
from stdnum.ee import ik
from stdnum.lt import asmens
from stdnum.lv import pvn
from stdnum.fi import hetu
from stdnum.se import personnummer
from stdnum.pl import pesel
from stdnum import iban
V={'ee_isikukood':ik.validate,'lt_asmens_kodas':asmens.validate,'lv_personas_kods':pvn.validate,'fi_hetu':hetu.validate,
   'se_personnummer':personnummer.validate,'pl_pesel':pesel.validate,'iban':iban.validate}
bad=0;n=0
for t in glob.glob(sys.argv[1]+'/*/truth.json'):
    T=json.load(open(t))
    for p in T['persons']:
        for i in p['identifiers']:
            if i['type'] in V:
                n+=1
                try: V[i['type']](i['value'])
                except Exception as e: bad+=1; print(t.split('/')[-2], i, repr(e))
    for d in T['decoys']:
        k=d['kind']
        if 'bad_checksum' in k:
            f = ik.is_valid if k.startswith('ee') else hetu.is_valid
            if f(d['value']): print('decoy valid!', d)
        if 'valid_isikukood' in k and not ik.is_valid(d['value']): print('decoy not valid', d)
        if 'valid_pesel' in k and not pesel.is_valid(d['value']): print('decoy not valid', d)
print('checked',n,'bad',bad)
