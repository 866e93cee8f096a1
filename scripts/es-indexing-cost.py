#!/usr/bin/env python3
"""Elasticsearch's CPU per indexed document under controlled variants (docs/benchmarks.md, session 6).

Run after `./newsroom bench` (it needs that run's node and documents), as root like the bench, under the lock:
    flock /work/heavy.lock python3 scripts/es-indexing-cost.py [plan.json]
It copies target/bench-run's Elasticsearch home and data to target/es-indexing-cost/, starts that node alone
(1g heap, the local-stack settings, as the unprivileged user the bench uses), reads the `articles` documents back
and, for each step of the plan, creates an index from query-service's template (optionally changed), sends the
documents again under new ids in bulks of a given size, at a given rate (0: as fast as it takes them), then
refreshes and waits for merges to finish. It prints one JSON line per step: the node's CPU (from /proc: user +
system) per document, refreshes, merges, store bytes per document. The order matters: a fresh node compiles as it
goes, so repeat a step at the end to see the warm figure.
A plan step: [name, variant, documents, per bulk, docs/s, versioned?]; variant is `current`, `nocompletion`,
`lean` (the fields of a preceding ["lean", [fields]] step neither indexed nor with doc values), `refresh5`,
`refresh500` (500 ms). A paced step (docs/s > 0) also searches for the acknowledged ids about every 50 ms, as the
bench's poller does, and prints bulk-acknowledged to first-found p50/p99 (the bench's indexed -> searchable hop
without the pipeline; those searches are in the CPU figure too).
"""
import copy, json, os, shutil, subprocess, sys, threading, time, urllib.request
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = REPO + '/target/es-indexing-cost'; PORT = 29911
HOME = None
def req(method, path, body=None, ctype='application/json'):
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    r = urllib.request.Request(f'http://127.0.0.1:{PORT}{path}', data=data, method=method, headers={'Content-Type': ctype})
    with urllib.request.urlopen(r, timeout=120) as resp: return json.loads(resp.read() or b'{}')
def cpu(pid):
    f=open(f'/proc/{pid}/stat').read().rsplit(')',1)[1].split(); return (int(f[11])+int(f[12]))*1000/os.sysconf('SC_CLK_TCK')
def prepare():
    global HOME
    shutil.rmtree(ROOT, ignore_errors=True)
    shutil.copytree(REPO + '/target/bench-run/es-home', ROOT + '/es-home', symlinks=True)
    shutil.copytree(REPO + '/target/bench-run/elasticsearch/data', ROOT + '/data', symlinks=True)
    HOME = [os.path.join(ROOT, 'es-home', d) for d in os.listdir(ROOT + '/es-home')][0]
def start():
    os.makedirs(ROOT+'/logs', exist_ok=True); subprocess.run(['chown','-R','newsroom-es:newsroom-es',ROOT])
    cmd=['/usr/bin/setpriv','--reuid=newsroom-es','--regid=newsroom-es','--clear-groups',HOME+'/bin/elasticsearch','-E','discovery.type=single-node','-E','node.name=local','-E','cluster.name=esx','-E','network.host=127.0.0.1','-E',f'http.port={PORT}','-E','transport.port=29912','-E','xpack.security.enabled=false','-E','cluster.routing.allocation.disk.threshold_enabled=false','-E',f'path.data={ROOT}/data','-E',f'path.logs={ROOT}/logs']
    env=dict(os.environ, ES_JAVA_HOME='/usr/lib/jvm/temurin-25-jdk-amd64', ES_JAVA_OPTS='-Xms1g -Xmx1g', ES_PATH_CONF=HOME+'/config')
    p=subprocess.Popen(cmd, env=env, stdout=open(ROOT+'/node.out','w'), stderr=subprocess.STDOUT)
    for _ in range(180):
        try: req('GET','/_cluster/health?wait_for_status=yellow&timeout=1s'); break
        except Exception: time.sleep(1)
    jvm=[x for x in subprocess.run(['pgrep','-f','org.elasticsearch.bootstrap.Elasticsearch'],capture_output=True,text=True).stdout.split() if ROOT in open(f'/proc/{x}/cmdline').read()]
    return p, int(jvm[0])
def docs():
    out=[]; after=None
    while True:
        body={'size':1000,'sort':[{'articleId':'asc'}],'query':{'match_all':{}}}
        if after: body['search_after']=after
        h=req('POST','/articles/_search',body)['hits']['hits']
        if not h: return out
        out += [x['_source'] for x in h]; after=h[-1]['sort']
def mapping(variant):
    t=json.load(open(REPO+'/query-service/src/main/resources/elasticsearch/articles.json'))['template']
    t=copy.deepcopy(t); p=t['mappings']['properties']
    if 'nocompletion' in variant or 'lean' in variant:
        del p['headline']['fields']['suggest']; del p['tags']['properties']['label']['fields']['suggest']; del p['entities']['properties']['name']['fields']['suggest']
    if 'lean' in variant:
        for f in LEAN: 
            o=p; parts=f.split('.')
            for q in parts[:-1]: o=o[q]['properties']
            o[parts[-1]].update({'index': False, 'doc_values': False})
    if 'refresh5' in variant: t['settings']['refresh_interval']='5s'
    if 'refresh500' in variant: t['settings']['refresh_interval']='500ms'
    return t
LEAN=[]
def visible(acked, seen):
    # Bulk acknowledged to first found by a search, nearest rank: the bench's indexed -> searchable hop without the pipeline.
    lat=sorted(seen[i]-acked[i] for i in seen if i in acked)
    if not lat: return {}
    at=lambda q: round(lat[min(len(lat)-1, int(q*len(lat)))],3)
    return {'visible_p50_s':at(0.5),'visible_p99_s':at(0.99),'visible_max_s':round(lat[-1],3)}
def run(name, variant, docs_, n, bulk, rate, pid, versioned=True):
    idx='x-'+name; body=mapping(variant)
    req('PUT','/'+idx, {'settings':body['settings'],'mappings':body['mappings']}); time.sleep(2)
    ops=0; c0=cpu(pid); t0=time.time(); sent=0; bulks=0
    acked={}; seen={}; done=[False]
    def probe():
        # As the bench's poller: the ids acknowledged but not yet found, searched about every 50 ms.
        while not done[0] or len(seen)<len(acked):
            pending=[i for i in list(acked) if i not in seen][:5000]
            if pending:
                hits=req('POST',f'/{idx}/_search',{'size':len(pending),'_source':False,'query':{'ids':{'values':pending}}})['hits']['hits']
                now=time.time()
                for h in hits: seen.setdefault(h['_id'], now)
            time.sleep(0.05)
    prober=threading.Thread(target=probe, daemon=True)
    if rate: prober.start()
    while sent<n:
        lines=[]
        for i in range(sent, min(n, sent+bulk)):
            d=dict(docs_[i%len(docs_)]); d['articleId']=f'{name}-{i}'
            meta={'_index':idx,'_id':d['articleId']}
            if versioned: meta.update({'version':d.get('version',1),'version_type':'external_gte'})
            lines.append(json.dumps({'index':meta})); lines.append(json.dumps(d))
        r=req('POST','/_bulk',('\n'.join(lines)+'\n').encode(),'application/x-ndjson'); assert not r['errors'], r
        now=time.time()
        for i in range(sent, min(n, sent+bulk)): acked[f'{name}-{i}']=now
        sent=min(n,sent+bulk); bulks+=1
        if rate:
            wait=t0+sent/rate-time.time()
            if wait>0: time.sleep(wait)
    t1=time.time(); done[0]=True
    if rate: prober.join(30)
    req('POST',f'/{idx}/_refresh')
    while True:
        s=req('GET',f'/{idx}/_stats/merge')['_all']['primaries']['merges']['current']
        if s==0: break
        time.sleep(0.2)
    time.sleep(1.5); c1=cpu(pid)
    st=req('GET',f'/{idx}/_stats')['_all']['primaries']
    res=dict(name=name, variant=variant, docs=n, bulk=bulk, rate=rate, seconds=round(t1-t0,1), docs_per_s=round(n/(t1-t0)), cpu_ms=round(c1-c0), cpu_ms_per_doc=round((c1-c0)/n,3),
             **visible(acked, seen), refreshes=st['refresh']['total'], merges=st['merges']['total'], merged_docs=st['merges']['total_docs'], store_bytes_per_doc=round(st['store']['size_in_bytes']/n))
    req('DELETE','/'+idx); print(json.dumps(res), flush=True); return res
DEFAULT_PLAN = [
    ["cur-paced", "current", 3000, 25, 100],
    ["cur-paced-b100", "current", 3000, 100, 100],
    ["cur-full-b1000-nover", "current", 6000, 1000, 0, False],
    ["cur-full-b1000", "current", 6000, 1000, 0],
    ["cur-full-b25", "current", 6000, 25, 0],
    ["nocomp-paced", "nocompletion", 3000, 25, 100],
    ["lean", ["source.kind", "dateline.location", "enrichmentVersion", "enrichedAt", "tags.scheme", "tags.score",
              "entities.type", "entities.mentions", "dedup.similarity", "dedup.containment", "dedup.method"]],
    ["lean-paced", "lean", 3000, 25, 100],
    ["refresh5-paced", "refresh5", 3000, 25, 100],
    ["cur-paced-again", "current", 3000, 25, 100]]
if __name__=='__main__':
    prepare()
    p,pid=start(); print('node pid',pid, flush=True)
    try:
        D=docs(); print('docs',len(D), flush=True)
        c0=cpu(pid); time.sleep(10); print(json.dumps({'name':'idle','cpu_ms_per_s':round((cpu(pid)-c0)/10,1)}), flush=True)
        plan=json.load(open(sys.argv[1])) if len(sys.argv) > 1 else DEFAULT_PLAN
        for step in plan:
            if step[0]=='lean': LEAN[:]=step[1]; continue
            run(step[0], step[1], D, step[2], step[3], step[4], pid, step[5] if len(step)>5 else True)
    finally:
        p.terminate(); p.wait(60)
